// Times ONNX Runtime (CPU) on one ONNX graph: warm-up, then median and best of N runs, as JSON.
// usage: node bench.mjs MODEL.onnx [--threads N] [--runs N] [--image SIDE]
import * as ort from 'onnxruntime-node';

const [model, ...rest] = process.argv.slice(2);
const option = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
const threads = option('threads', 2);
const runs = option('runs', 20);

const session = await ort.InferenceSession.create(model, {
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'all',
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
});
const height = option('image', 224);
const width = height;
const data = Float32Array.from({length: 3 * height * width}, (_, i) => Math.sin(0.001 * i));
const feeds = {pixel_values: new ort.Tensor('float32', data, [1, 3, height, width])};

await session.run(feeds);
const times = [];
for (let i = 0; i < runs; ++i) {
  const start = process.hrtime.bigint();
  await session.run(feeds);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const median = runs % 2 ? times[(runs - 1) / 2] : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
console.log(JSON.stringify({model, threads, runs, median_ms: median, min_ms: times[0]}));
