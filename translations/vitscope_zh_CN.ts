<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../ui/io/languagemanager.cpp" line="+21" />
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+31" />
        <source>Look inside Vision Transformers: predicted classes and the attention of every layer and head.</source>
        <translation>观察视觉 Transformer 的内部：预测的类别，以及每一层、每一个头的注意力。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Interface language, e.g. zh_CN or en.</source>
        <translation>界面语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checkpoint folder, .safetensors file or ORG/NAME[@REV] from the Hugging Face hub (default: the built-in shapes model).</source>
        <translation>检查点文件夹、.safetensors 文件，或 Hugging Face Hub 上的 ORG/NAME[@REV]（默认：内置的几何图形模型）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Picture to open.</source>
        <translation>要打开的图片。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No translation for %1; available: %2</source>
        <translation>没有 %1 的翻译；可用的语言：%2</translation>
    </message>
</context>
<context>
    <name>vitscope::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="+47" />
        <source>About ViTScope</source>
        <translation>关于 ViTScope</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>OpenMP %1 (up to %n thread(s))</source>
        <translation>
            <numerusform>OpenMP %1（最多 %n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>OpenMP not available: running on one thread</source>
        <translation>没有 OpenMP：在单个线程上运行</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A look inside Vision Transformers: class predictions and the attention of every layer and head over the image patches.</source>
        <translation>观察视觉 Transformer 的内部：类别预测，以及每一层、每一个头在图像块上的注意力。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Backend: %1</source>
        <translation>计算后端：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Eigen %1</source>
        <translation>Eigen %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compiler: GCC %1.%2</source>
        <translation>编译器：GCC %1.%2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ViTScope is free software under the MIT licence.</source>
        <translation>ViTScope 是以 MIT 许可证发布的自由软件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The sample photographs come from scikit-image's data set and are in the public domain (NASA, SpaceX) or CC0 (the cat and the coffee cup); the shapes pictures and the built-in model are ViTScope's own. See resources/samples/LICENSES.md. Qt is used under the LGPL version 3, Eigen under the MPL 2.0.</source>
        <translation>示例照片来自 scikit-image 的数据集，属于公有领域（NASA、SpaceX）或采用 CC0（猫和咖啡杯）；几何图形图片和内置模型为 ViTScope 自有。详见 resources/samples/LICENSES.md。Qt 按 LGPL 第 3 版使用，Eigen 按 MPL 2.0 使用。</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionControls</name>
    <message>
        <location filename="../ui/attentioncontrols.cpp" line="+215" />
        <source>What to show</source>
        <translation>显示内容</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View:</source>
        <translation>视图(&amp;V)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attention of one layer</source>
        <translation>单层注意力</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rollout through all layers</source>
        <translation>贯穿所有层的注意力展开 (rollout)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Class attribution</source>
        <translation>类别归因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Layer:</source>
        <translation>层(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The transformer is a stack of layers; each one lets every token gather information from the others. Early layers tend to look nearby, later ones at whole objects. Counted from 0, as in PyTorch. Keys: Page Up/Page Down or [ and ].</source>
        <translation>Transformer 由多层堆叠而成；每一层让每个令牌从其他令牌收集信息。浅层往往关注附近，深层则关注整个物体。与 PyTorch 一样从 0 开始计数。快捷键：Page Up/Page Down 或 [ 和 ]。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Head:</source>
        <translation>头(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Each layer has several attention heads that look at the picture independently, each with its own idea of what matters. "All heads" combines them as "Combine heads by" says: the mean, or per patch the strongest (max) or weakest (min).</source>
        <translation>每一层有多个注意力头，它们各自独立地观察图片，各有自己对重点的判断。“所有头”按“头的组合方式”把它们合并：取均值，或在每个图像块上取最强（最大）或最弱（最小）的值。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Query token:</source>
        <translation>查询令牌(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The token whose attention is shown: the map says where this token looks. The class token collects what the classifier uses for its answer. Click a patch on the picture to see where that patch looks.</source>
        <translation>要显示其注意力的令牌：注意力图表示这个令牌关注哪里。类别令牌 [CLS] 汇集了分类头作答所用的信息。点击图片上的一个图像块，可查看该图像块关注哪里。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Combining heads</source>
        <translation>头的融合</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Combine heads by:</source>
        <translation>头的组合方式(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How the heads of a layer are combined into one map, for "All heads" and for rollout.</source>
        <translation>一层中的各个头如何融合成一张注意力图，用于“所有头”和注意力展开。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Discard ratio:</source>
        <translation>丢弃比例(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rollout only: this fraction of the weakest attention in each layer is set to zero before the layers are combined, which sharpens the map.</source>
        <translation>仅用于注意力展开：在合并各层之前，把每层中最弱的这一比例的注意力置为零，使注意力图更清晰。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Colormap:</source>
        <translation>色彩映射(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plasma</source>
        <translation>Plasma</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Colours from low to high attention, as in matplotlib.</source>
        <translation>从低注意力到高注意力的颜色，与 matplotlib 相同。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scale:</source>
        <translation>数值范围(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shared by the layer's heads</source>
        <translation>同层各头共用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Per head</source>
        <translation>每个头单独</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shared: all heads of a layer use one range of values, so their colours can be compared.
Per head: each map uses its own lowest and highest value, which shows the shape of weak heads too.</source>
        <translation>共用：同一层的所有头使用同一个数值范围，因此颜色可以相互比较。
每个头单独：每张注意力图使用自己的最小值和最大值，这样较弱的头的形状也能看清。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Opacity:</source>
        <translation>不透明度(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How strongly the map covers the picture.</source>
        <translation>注意力图覆盖图片的程度。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Upsampling:</source>
        <translation>上采样(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Patch blocks</source>
        <translation>图像块色块</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch blocks show one colour per patch, exactly what the model computed; smooth blends between patch centres.</source>
        <translation>图像块色块：每个图像块一种颜色，正是模型计算出的结果；平滑：在图像块中心之间平滑过渡。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show patch &amp;grid</source>
        <translation>显示图像块网格(&amp;G)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lines between the patches the model cuts the picture into.</source>
        <translation>模型把图片切分成图像块，这些线就是图像块之间的边界。</translation>
    </message>
    <message>
        <location line="+32" />
        <source>All heads</source>
        <translation>所有头</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Class token [CLS]</source>
        <translation>类别令牌 [CLS]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distillation token</source>
        <translation>蒸馏令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Register token %1</source>
        <translation>寄存器令牌 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Picked patch (row %1, column %2)</source>
        <translation>选中的图像块（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Class attribution needs a classifier head, and this model has none: it describes pictures by features, not by classes.</source>
        <translation>类别归因需要分类头，而这个模型没有：它只用特征来描述图片，不给出类别。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Attention: where one token looks in one layer.
Rollout: follows attention through all layers (with the skip connections) to estimate which patches the class token draws on in the end.
Class attribution: which patches made the model give the selected class (in Predictions) its score: every layer's attention, weighted by how much it raises that score (Chefer et al. 2021).</source>
        <translation>注意力：某个令牌在某一层中关注的位置。
注意力展开 (rollout)：沿着所有层（连同残差连接）追踪注意力，估计类别令牌最终依赖哪些图像块。
类别归因：哪些图像块让模型给所选类别（在“预测”中点选）打出了这个分数：把每一层的注意力按它对该分数的贡献加权（Chefer 等，2021）。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Class: none selected</source>
        <translation>类别：未选择</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Class: %1 (%2)</source>
        <translation>类别：%1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Class: %1 (%2), the most probable</source>
        <translation>类别：%1 (%2)，概率最高</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionPanel</name>
    <message>
        <location filename="../ui/attentionpanel.cpp" line="+155" />
        <source>Overlay</source>
        <translation>叠加图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The picture with the chosen map over its patches. Click a patch to see what it looks at; Ctrl+wheel zooms, dragging pans.</source>
        <translation>在图片的图像块上叠加所选的注意力图。点击一个图像块可查看它关注哪里；Ctrl+滚轮缩放，拖动平移。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Heads</source>
        <translation>各头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every head of the chosen layer side by side. Click one to select it.</source>
        <translation>并排显示所选层的每一个头。点击其中一个即可选中它。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layers x Heads</source>
        <translation>层 × 头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every layer (rows) and head (columns) at once, for the same query token. Click a tile to select that layer and head.</source>
        <translation>同一个查询令牌在所有层（行）和所有头（列）上的注意力一览。点击一个小图即可选中对应的层和头。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How it works</source>
        <translation>工作原理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How a ViT turns this picture into an answer, step by step, for teaching. Ctrl+wheel or Ctrl++ and Ctrl+- change the text size.</source>
        <translation>一步一步地展示 ViT 如何把这张图片变成答案，适合课堂讲解。Ctrl+滚轮或 Ctrl++、Ctrl+- 可以调整文字大小。</translation>
    </message>
    <message>
        <location line="+135" />
        <source>relevance for %1, all heads of layer %2</source>
        <translation>对“%1”的相关性，第 %2 层的所有头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relevance for %1 in layer %2; each layer has its own scale</source>
        <translation>第 %2 层对“%1”的相关性；每层使用各自的数值范围</translation>
    </message>
    <message>
        <location filename="../ui/attentionpanelselection.cpp" line="+54" />
        <source>the map has %1 values for %2 patches</source>
        <translation>这张图有 %1 个数值，而图像块有 %2 个</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the heads' maps have %1 values for %2 layers x heads x patches</source>
        <translation>各个头的图有 %1 个数值，而层 × 头 × 图像块共有 %2 个</translation>
    </message>
    <message>
        <location line="+47" />
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../ui/attentionpanel.cpp" line="-94" />
        <source>Open a picture and a model to see where the model looks.</source>
        <translation>打开一张图片和一个模型，即可看到模型关注哪里。</translation>
    </message>
    <message>
        <location line="-17" />
        <source>the class token</source>
        <translation>类别令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the distillation token</source>
        <translation>蒸馏令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the patch in row %1, column %2</source>
        <translation>第 %1 行、第 %2 列的图像块</translation>
    </message>
    <message>
        <location line="+1" />
        <source>register token %1</source>
        <translation>寄存器令牌 %1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Attention rollout of the class token through all %1 layers, heads fused by %2, discard ratio %3.</source>
        <translation>类别令牌贯穿全部 %1 层的注意力展开，各头按%2融合，丢弃比例 %3。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No rollout: %1</source>
        <translation>无法计算注意力展开：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Class attribution for %1: the patches whose attention raised the score of this class, through all %2 layers (gradients times attention, Chefer et al. 2021).</source>
        <translation>“%1”的类别归因：在全部 %2 层中，这些图像块上的注意力提高了这个类别的分数（梯度乘以注意力，Chefer 等，2021）。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No class attribution for %1: %2</source>
        <translation>无法计算“%1”的类别归因：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Computing the class attribution for %1…</source>
        <translation>正在计算“%1”的类别归因…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The class attribution for %1 was stopped. Pick the class again or run the model again to compute it.</source>
        <translation>“%1”的类别归因已停止计算。再次点选这个类别或重新运行模型，就会重新计算。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>all heads fused by %1</source>
        <translation>所有头按%1融合</translation>
    </message>
    <message>
        <location line="+0" />
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layer %1, %2: where %3 looks.</source>
        <translation>第 %1 层，%2：%3关注的位置。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>rollout</source>
        <translation>注意力展开</translation>
    </message>
    <message>
        <location line="-2" />
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <location line="+4" />
        <source>relevance for %1</source>
        <translation>对“%1”的相关性</translation>
    </message>
    <message>
        <location line="+12" />
        <source>attention weight, all heads of layer %1</source>
        <translation>注意力权重，第 %1 层的所有头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>attention weight of layer %1; each layer has its own scale</source>
        <translation>第 %1 层的注意力权重；每层使用各自的数值范围</translation>
    </message>
    <message>
        <location line="+4" />
        <source>each map on its own scale; shown: the selected map</source>
        <translation>每张图使用各自的数值范围；此处显示：所选的图</translation>
    </message>
    <message>
        <location line="+49" />
        <source>This result holds no attention maps to show.</source>
        <translation>此结果中没有可显示的注意力图。</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Layer %1, query: %2</source>
        <translation>第 %1 层，查询：%2</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionView</name>
    <message>
        <location filename="../ui/attentionview.cpp" line="+216" />
        <source>Open a picture and a model to see where the model looks.</source>
        <translation>打开一张图片和一个模型，即可看到模型关注哪里。</translation>
    </message>
    <message>
        <location line="+124" />
        <source>Patch row %1, column %2
Attention %3</source>
        <translation>图像块：第 %1 行，第 %2 列
注意力 %3</translation>
    </message>
</context>
<context>
    <name>vitscope::CuratedModels</name>
    <message>
        <location filename="../ui/curatedmodels.cpp" line="+11" />
        <source>ViT-B/16, ImageNet-21k then ImageNet-1k classes: the original ViT</source>
        <translation>ViT-B/16，先在 ImageNet-21k 上训练、再用 ImageNet-1k 类别微调：最初的 ViT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ViT-L/16, ImageNet-1k classes: 24 layers, 16 heads</source>
        <translation>ViT-L/16，ImageNet-1k 类别：24 层，16 个头</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DeiT tiny with a distillation token, ImageNet-1k classes: small and fast</source>
        <translation>DeiT tiny，带蒸馏令牌，ImageNet-1k 类别：小而快</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DeiT base with a distillation token at 384 × 384, ImageNet-1k classes</source>
        <translation>DeiT base，带蒸馏令牌，输入 384 × 384，ImageNet-1k 类别</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DINO ViT-S/8, self-supervised: striking attention maps, no classes</source>
        <translation>DINO ViT-S/8，自监督：注意力图非常清晰，没有类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINO ViT-B/16, self-supervised, no classes</source>
        <translation>DINO ViT-B/16，自监督，没有类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINOv2 ViT-S/14, self-supervised, no classes</source>
        <translation>DINOv2 ViT-S/14，自监督，没有类别</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DINOv2 ViT-S/14 with four register tokens, no classes</source>
        <translation>DINOv2 ViT-S/14，带四个寄存器令牌，没有类别</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT-S/16 (AugReg), ImageNet-1k classes</source>
        <translation>timm ViT-S/16（AugReg），ImageNet-1k 类别</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT-B/14 DINOv2 with four register tokens, no classes</source>
        <translation>timm ViT-B/14 DINOv2，带四个寄存器令牌，没有类别</translation>
    </message>
</context>
<context>
    <name>vitscope::DrawTab</name>
    <message>
        <location filename="../ui/drawtab.cpp" line="+310" />
        <source>The model took %1 ms.</source>
        <translation>模型用时 %1 毫秒。</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+4" />
        <source>Export Drawing</source>
        <translation>导出绘图</translation>
    </message>
    <message>
        <location line="-4" />
        <source>drawing.png</source>
        <translation>drawing.png</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images (*.png *.jpg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.bmp)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Brush</source>
        <translation>画笔(&amp;B)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw strokes with the brush colour</source>
        <translation>用画笔颜色绘制笔画</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F&amp;ill</source>
        <translation>填充(&amp;I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fill the closed outline you click into with the brush colour</source>
        <translation>用画笔颜色填充所点击的封闭轮廓</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rub out strokes down to the background</source>
        <translation>擦除笔画，露出背景</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brush colour</source>
        <translation>画笔颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Si&amp;ze:</source>
        <translation>大小(&amp;Z)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brush and eraser width in pixels of the %1 × %1 sheet</source>
        <translation>画笔和橡皮擦的宽度，以 %1 × %1 画布的像素计</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back&amp;ground:</source>
        <translation>背景(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plain</source>
        <translation>纯色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gradient</source>
        <translation>渐变</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Background colour</source>
        <translation>背景颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Second colour of the gradient</source>
        <translation>渐变的第二种颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the drawing as a picture</source>
        <translation>将绘图保存为图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use as &amp;Picture</source>
        <translation>用作图片(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the drawing in the attention view</source>
        <translation>在注意力视图中显示绘图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show &amp;attention (rollout)</source>
        <translation>显示注意力（注意力展开）(&amp;A)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Load a model to see what it makes of the drawing.</source>
        <translation>加载一个模型，看看它如何理解这幅绘图。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Draw on the sheet: the model answers as you draw.</source>
        <translation>在画纸上绘画：模型会随着你的绘画给出回答。</translation>
    </message>
</context>
<context>
    <name>vitscope::ErrorText</name>
    <message>
        <location filename="../ui/errortext.cpp" line="+28" />
        <source> (line %1, column %2)</source>
        <translation>（第 %1 行，第 %2 列）</translation>
    </message>
</context>
<context>
    <name>vitscope::ExportFigureDialog</name>
    <message>
        <location filename="../ui/exportfiguredialog.cpp" line="+112" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+23" />
        <source>Export Figure</source>
        <translation>导出插图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scale:</source>
        <translation>数值范围(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pixels of the PNG per layout unit: 2 for slides, 4 for print</source>
        <translation>PNG 每个版面单位的像素数：幻灯片用 2，印刷用 4</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Caption:</source>
        <translation>图注(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Optional text below the figure</source>
        <translation>插图下方的可选文字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 × %2 points</source>
        <translation>%1 × %2 点</translation>
    </message>
</context>
<context>
    <name>vitscope::Exporter</name>
    <message>
        <location filename="../ui/exporter.cpp" line="+29" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+66" />
        <source>there is nothing to export yet</source>
        <translation>还没有可导出的内容</translation>
    </message>
    <message>
        <location line="+8" />
        <source>PNG encoding failed</source>
        <translation>PNG 编码失败</translation>
    </message>
    <message>
        <location line="+13" />
        <source>there are no attentions to export</source>
        <translation>没有可导出的注意力</translation>
    </message>
    <message>
        <location line="+12" />
        <source>there is no map to export yet</source>
        <translation>还没有可导出的图</translation>
    </message>
    <message>
        <location line="-54" />
        <source>cannot replace the file</source>
        <translation>无法替换该文件</translation>
    </message>
</context>
<context>
    <name>vitscope::Figure</name>
    <message>
        <location filename="../ui/render/figure.cpp" line="+112" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+118" />
        <source>the name must end in .png, .svg or .pdf</source>
        <translation>文件名必须以 .png、.svg 或 .pdf 结尾</translation>
    </message>
    <message>
        <location line="+2" />
        <source>there is nothing to export yet</source>
        <translation>还没有可导出的内容</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the scale must lie between 0 and 16</source>
        <translation>缩放倍数必须在 0 到 16 之间</translation>
    </message>
    <message>
        <location line="+13" />
        <source>drawing failed</source>
        <translation>绘制失败</translation>
    </message>
</context>
<context>
    <name>vitscope::HeadGridView</name>
    <message>
        <location filename="../ui/headgridview.cpp" line="+65" />
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <location line="+66" />
        <source>No heads to show yet.</source>
        <translation>还没有可显示的头。</translation>
    </message>
    <message>
        <location line="+122" />
        <source>Head %1: click to show it over the picture</source>
        <translation>头 %1：点击即可叠加到图片上显示</translation>
    </message>
</context>
<context>
    <name>vitscope::HowItWorksView</name>
    <message>
        <location filename="../ui/howitworksview.cpp" line="+129" />
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+258" />
        <source>Cannot draw this step: %1</source>
        <translation>无法绘制这一步：%1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The picture the model saw is not at hand.</source>
        <translation>模型看到的图片已经不可用。</translation>
    </message>
    <message>
        <location line="+69" />
        <source>How a Vision Transformer reads a picture</source>
        <translation>视觉 Transformer 如何读懂一张图片</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open a picture and a model: this page then shows, step by step, how the model turns the picture into an answer, with the numbers of that run.</source>
        <translation>请打开一张图片和一个模型：这一页会一步一步地展示模型如何把图片变成答案，用的都是这次运行的真实数值。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 on %2. Every picture on this page is drawn from this run and this model's weights; switching here never runs the model again.</source>
        <translation>%1 处理 %2。本页的每一幅图都来自这次运行和这个模型的权重；切换到这里不会重新运行模型。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>what the model sees</source>
        <translation>模型看到的图片</translation>
    </message>
    <message>
        <location line="+0" />
        <source>cut into patches</source>
        <translation>切成图像块</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cut the picture into patches</source>
        <translation>把图片切成图像块</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First the picture is scaled to the size the model expects (%1 × %2 pixels). Then it is cut into small squares, like tiles: the patches. The model never looks at single pixels, only at patches.</source>
        <translation>首先，图片被缩放到模型需要的大小（%1 × %2 像素），然后像铺瓷砖一样被切成一个个小方块，这就是图像块。模型从来不单独看某个像素，只看图像块。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 × %2 = %3 patches of %4 × %4 pixels; each patch is %5 numbers (%6 colour channels × %4 × %4).</source>
        <translation>%1 × %2 = %3 个图像块，每块 %4 × %4 像素；每个图像块就是 %5 个数（%6 个颜色通道 × %4 × %4）。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Turn each patch into a token (patch embedding)</source>
        <translation>把每个图像块变成一个令牌（图像块嵌入）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each patch's %1 numbers are multiplied by one learned matrix, which turns them into %2 numbers: the patch's token. Each of the %2 outputs is a weighted sum of the patch's pixels, a filter that responds to one pattern. The pictures show the main patterns these %2 filters are built from (their principal components, as in the ViT paper): what the model looks for in a patch, such as brightness, colour and edges.</source>
        <translation>每个图像块的 %1 个数都乘以同一个学习得到的矩阵，变成 %2 个数：这就是这个图像块的令牌。这 %2 个输出中的每一个，都是图像块中像素的加权和，也就是一个只对某种图案有反应的滤波器。图中的小方块是构成这 %2 个滤波器的主要图案（它们的主成分，和 ViT 论文中的做法一样）：也就是模型在图像块里寻找的东西，比如明暗、颜色和边缘。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The %1 main patterns, most important first; the percentage says how much of the differences between the filters each one explains.</source>
        <translation>%1 个主要图案，最重要的排在最前面；百分比表示每个图案能解释滤波器之间多少的差异。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>A token does not know where its patch was. So the model adds a learned position vector to each patch token. Each of the small squares belongs to one patch position (row, column) and shows how similar its position vector is to those of all other positions: yellow is alike, dark is different. In models trained on many photographs, neighbours and patches in the same row or column come out alike: the model learns the layout of the grid by itself. A small model trained on simple pictures may learn a coarser layout.</source>
        <translation>令牌本身并不知道它的图像块原来在哪里。所以模型给每个图像块令牌加上一个学习得到的位置向量，这就是位置编码。图中每个小方块对应一个图像块位置（行、列），显示这个位置的向量和所有其他位置的向量有多相似：黄色表示相似，深色表示不同。在用大量照片训练的模型里，相邻的位置，以及同一行或同一列的位置，彼此都很相似：模型自己学会了网格的布局。用简单图片训练的小模型学到的布局可能粗糙一些。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This model learned its positions on a %1 × %2 grid; for this run's %3 × %4 grid they were stretched to fit (interpolated).</source>
        <translation>这个模型是在 %1 × %2 的网格上学习位置编码的；这次运行的网格是 %3 × %4，所以位置编码被拉伸（插值）到这个大小。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>cosine similarity</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add where each patch sits (position embedding)</source>
        <translation>加上每个图像块的位置（位置编码）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 × %2 positions, each compared with all %3.</source>
        <translation>%1 × %2 个位置，每个位置都和全部 %3 个位置比较。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>1 class token</source>
        <translation>1 个类别令牌</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In front of the patch tokens goes one more token that belongs to no patch: the class token [CLS]. It starts as the same learned vector for every picture; its job is to collect from all patches what the answer needs.</source>
        <translation>在图像块令牌的前面，还要放一个不属于任何图像块的令牌：类别令牌 [CLS]。对每张图片来说，它一开始都是同一个学习得到的向量；它的任务是从所有图像块中收集回答问题所需要的信息。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This model has no class token: it works on the patch tokens only.</source>
        <translation>这个模型没有类别令牌：它只处理图像块令牌。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 distillation token</source>
        <translation>1 个蒸馏令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Beside it sits a distillation token [DIST], trained to agree with a teacher model.</source>
        <translation>它旁边还有一个蒸馏令牌 [DIST]，训练时让它和一个“教师模型”的答案保持一致。</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n register token(s)</source>
        <translation>
            <numerusform>%n 个寄存器令牌</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The register tokens [REG] are scratch space: the model may store what it needs there, and they are not part of the answer.</source>
        <translation>寄存器令牌 [REG] 就像草稿纸：模型可以把需要的信息暂时放在那里，它们不参与最后的答案。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>For its answer, this model averages the patch tokens instead of reading one token.</source>
        <translation>给出答案时，这个模型取所有图像块令牌的平均值，而不是只读取某一个令牌。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From here on the transformer works on one sequence of %1 tokens, each a list of %2 numbers.</source>
        <translation>从这里开始，Transformer 处理的是一个由 %1 个令牌组成的序列，每个令牌是一串 %2 个数。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n patch token(s)</source>
        <translation>
            <numerusform>%n 个图像块令牌</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>The sequence: class token and patch tokens</source>
        <translation>序列：类别令牌和图像块令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 + %2 patches = %3 tokens, each %4 numbers.</source>
        <translation>%1 + %2 个图像块 = %3 个令牌，每个令牌 %4 个数。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 tokens, each %2 numbers.</source>
        <translation>%1 个令牌，每个令牌 %2 个数。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mean attention distance (pixels)</source>
        <translation>平均注意力距离（像素）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>one dot per head</source>
        <translation>每个点是一个头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mean of the heads</source>
        <translation>各个头的平均值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Multi-head self-attention, layer by layer</source>
        <translation>多头自注意力，一层接一层</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The model has %1 layers, and each has two parts. In multi-head self-attention, every token compares itself with every other token; a softmax turns these scores into weights that add up to 1, and the token takes in the others' information by those weights. %2 heads do this side by side, each looking for something else. Then a small neural network, the MLP, works on each token on its own.

The plot shows how far each head looks, on average, from a patch to the patches it attends to (the ViT paper's mean attention distance). Low dots look at their neighbours, like a convolution; high dots take in the whole picture. Early layers usually do both; later layers mostly look far.</source>
        <translation>这个模型有 %1 层，每一层都有两部分。在多头自注意力中，每个令牌都和其他所有令牌比一比；softmax 把这些得分变成加起来等于 1 的权重，令牌再按这些权重吸收其他令牌的信息。%2 个头同时做这件事，每个头关注的东西都不一样。接着，一个小型神经网络 MLP 再分别处理每一个令牌。

图中显示每个头平均“看”多远：从一个图像块到它所关注的图像块之间的距离（ViT 论文中的平均注意力距离）。位置低的点只看附近的图像块，就像卷积；位置高的点则看整张图片。前面的层通常两种都有；后面的层大多看得很远。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Counted from 0, as in the other tabs; %1 pixels is the distance between neighbouring patches.</source>
        <translation>层从 0 开始计数，和其他标签页一样；相邻两个图像块之间的距离是 %1 像素。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../ui/readoutsummary.cpp" line="+37" />
        <source>Already at the input the top class is %1, and it stays on top after every layer.</source>
        <translation>在输入处，%1 就已排在第一，并在每一层之后都保持第一。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only after the last layer does %1 come out on top.</source>
        <translation>直到最后一层之后，%1 才排到第一。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>After layer %1, %2 comes out on top and stays there.</source>
        <translation>在第 %1 层之后，%2 排到第一，并一直保持。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At the input, %1 is already the top class.</source>
        <translation>在输入处，%1 就已排在第一。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 first comes out on top after layer %2.</source>
        <translation>%1 在第 %2 层之后首次排到第一。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>It loses the lead after layer %1 and only takes it back after the last layer.</source>
        <translation>它在第 %1 层之后失去领先，直到最后一层之后才重新领先。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>It loses the lead after layer %1 and takes it back after layer %2, for good.</source>
        <translation>它在第 %1 层之后失去领先，在第 %2 层之后重新领先并保持到最后。</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>It loses the lead %n time(s) and only takes it back for good after the last layer.</source>
        <translation>
            <numerusform>它 %n 次失去领先，直到最后一层之后才最终重新领先。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>It loses the lead %n time(s) and takes it back for good after layer %1.</source>
        <translation>
            <numerusform>它 %n 次失去领先，在第 %1 层之后重新领先并保持到最后。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../ui/howitworksview.cpp" line="+10" />
        <source>after layer</source>
        <translation>经过第几层之后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>probability of %1</source>
        <translation>%1 的概率</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This model has no classifier: it describes pictures by features, not by classes, so there is no answer to follow through the layers.</source>
        <translation>这个模型没有分类头：它用特征而不是类别来描述图片，所以没有可以逐层追踪的答案。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>What would the model answer if it stopped early? Here the final norm and the classifier are applied to the tokens after each layer, as if it were the last (the "logit lens"). The line shows the probability of the final answer, %1, at each step. The classifier was trained on the last layer's output only, so early values are a rough look, not the model's opinion.</source>
        <translation>如果模型提前停下来，它会回答什么？这里把最后的归一化和分类头直接用在每一层之后的令牌上，就好像那一层就是最后一层（这种方法叫“logit lens”）。折线显示最终答案 %1 在每一步的概率。分类头只在最后一层的输出上训练过，所以前面的数值只是粗略地看一看，并不代表模型真正的判断。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>How the answer forms through the layers</source>
        <translation>答案如何在各层中逐步形成</translation>
    </message>
    <message>
        <location line="+12" />
        <source>This model has no classifier, so it gives no scores and no probabilities: its output is the %1 numbers of each token, for other programs to use.</source>
        <translation>这个模型没有分类头，所以既没有得分也没有概率：它的输出是每个令牌的 %1 个数，供其他程序使用。</translation>
    </message>
    <message numerus="yes">
        <location line="+20" />
        <source>the other %n class(es)</source>
        <translation>
            <numerusform>其余 %n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>score (logit)</source>
        <translation>得分（logit）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The classifier gives each of the %1 classes a score, the logit. Softmax turns the scores into probabilities: e to the power of each score, divided by the sum of these over all classes. The probabilities are all positive and add up to 100 %. A class that leads by a few points in score leads by far more in probability: softmax makes the winner stand out.</source>
        <translation>分类头给 %1 个类别中的每一个打一个分，叫作 logit。softmax 把得分变成概率：对每个得分取 e 的指数，再除以所有类别的这些值之和。得到的概率都是正数，加起来正好是 100%。得分只领先几分的类别，在概率上会领先很多：softmax 让胜出者更加突出。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Softmax: from scores to probabilities</source>
        <translation>Softmax：从得分到概率</translation>
    </message>
</context>
<context>
    <name>vitscope::HubDownloader</name>
    <message>
        <location filename="../ui/hubdownloader.cpp" line="+80" />
        <source>not enough memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>vitscope::ImageIO</name>
    <message>
        <location filename="../ui/io/imageio.cpp" line="+26" />
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/io/heifimage.cpp" line="+50" />
        <location filename="../ui/io/imageio.cpp" line="+5" />
        <source>the picture is %1 × %2 pixels, more than the %3 megapixels ViTScope opens</source>
        <translation>图片为 %1 × %2 像素，超过了 ViTScope 能打开的 %3 百万像素</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the file holds no picture</source>
        <translation>文件中没有图片</translation>
    </message>
</context>
<context>
    <name>vitscope::InferenceWorker</name>
    <message>
        <location filename="../ui/inferenceworker.cpp" line="+57" />
        <source>Not enough memory to run the model on this image.</source>
        <translation>内存不足，无法在这张图像上运行模型。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Not enough memory for the class attribution of this image.</source>
        <translation>内存不足，无法计算这张图像的类别归因。</translation>
    </message>
</context>
<context>
    <name>vitscope::LanguageMenu</name>
    <message>
        <location filename="../ui/languagemenu.cpp" line="+36" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>vitscope::LayerOverview</name>
    <message>
        <location filename="../ui/layeroverview.cpp" line="+61" />
        <location line="+52" />
        <location line="+60" />
        <source>L%1</source>
        <translation>层%1</translation>
    </message>
    <message>
        <location line="-65" />
        <source>H%1</source>
        <translation>头%1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No layers to show yet.</source>
        <translation>还没有可显示的层。</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Layer %1, head %2: click to select</source>
        <translation>第 %1 层，头 %2：点击选中</translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+115" />
        <source>not enough memory for this model</source>
        <translation>内存不足，无法加载此模型</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+274" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+385" />
        <source>&amp;Open Image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open a picture to classify and inspect</source>
        <translation>打开一张图片进行分类和观察</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Model Folder…</source>
        <translation>打开模型文件夹(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open Model &amp;File…</source>
        <translation>打开模型文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Open a checkpoint folder (config.json and model.safetensors or pytorch_model.bin)</source>
        <translation>打开检查点文件夹（包含 config.json 和 model.safetensors 或 pytorch_model.bin）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+81" />
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross</source>
        <translation>十字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ring</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Star</source>
        <translation>星形</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Astronaut (Eileen Collins)</source>
        <translation>宇航员（艾琳·柯林斯）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cat (Chelsea)</source>
        <translation>猫（Chelsea）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cup of coffee</source>
        <translation>一杯咖啡</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rocket launch</source>
        <translation>火箭发射</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-301" />
        <source>%1 is not on this computer yet: Download in the Models dialog fetches it</source>
        <translation>%1 还不在这台电脑上：在“模型”对话框中点击“下载”即可获取</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+1" />
        <source>Open a lone checkpoint file (.safetensors, .bin, .pth)</source>
        <translation>打开单独的检查点文件（.safetensors、.bin、.pth）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open Model from &amp;Hub…</source>
        <translation>从 Hub 打开模型(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download a model from the Hugging Face hub, or open one already on this computer</source>
        <translation>从 Hugging Face Hub 下载模型，或打开这台电脑上已有的模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Paste Image</source>
        <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Use the picture on the clipboard</source>
        <translation>使用剪贴板中的图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Forget the recently opened images and models</source>
        <translation>清除最近打开的图像和模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Figure…</source>
        <translation>导出插图(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the current view with its title, colour scale and a caption as PNG, SVG or PDF</source>
        <translation>将当前视图连同标题、色标和图注保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Copy the current view with its title and colour scale as an image</source>
        <translation>将当前视图连同标题和色标作为图像复制</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Print the current view with its title and colour scale</source>
        <translation>打印当前视图及其标题和色标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show how the current view will look on paper</source>
        <translation>显示当前视图打印在纸上的效果</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Overlay PNG…</source>
        <translation>导出叠加图 PNG(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the picture with the current attention map at full resolution</source>
        <translation>以原始分辨率保存叠加了当前注意力图的图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Head Grid PNG…</source>
        <translation>导出各头网格 PNG(&amp;H)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every head of the current layer as one PNG</source>
        <translation>把当前层的所有头保存为一张 PNG</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Attentions (.npy)…</source>
        <translation>导出注意力 (.npy)(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save every layer's and head's attention as a NumPy array (layers, heads, tokens, tokens)</source>
        <translation>把每一层、每一个头的注意力保存为 NumPy 数组（层, 头, 令牌, 令牌）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Current &amp;Map (.npy)…</source>
        <translation>导出当前图的数值 (.npy)(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the values of the map shown over the picture as a NumPy array (rows, columns of patches)</source>
        <translation>把叠加在图片上的这张图的数值保存为 NumPy 数组（图像块的行, 列）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Predictions as &amp;JSON…</source>
        <translation>将预测导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every class with its probability as JSON</source>
        <translation>把每个类别及其概率保存为 JSON</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Predictions as &amp;CSV…</source>
        <translation>将预测导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every class with its probability as CSV</source>
        <translation>把每个类别及其概率保存为 CSV</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Leave ViTScope</source>
        <translation>退出 ViTScope</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open a saved session: its model, picture and view settings</source>
        <translation>打开已保存的会话：其模型、图片和视图设置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sa&amp;ve Session…</source>
        <translation>保存会话(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the model, the picture and the view settings to a .vitscope file</source>
        <translation>将模型、图片和视图设置保存到 .vitscope 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Restore Last Session at Start</source>
        <translation>启动时恢复上次会话(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with the model, picture and view settings of the last session, when its files still exist</source>
        <translation>启动时使用上次会话的模型、图片和视图设置（如果其文件仍然存在）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every shortcut of ViTScope in one list</source>
        <translation>ViTScope 的全部快捷键一览</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset &amp;View Settings</source>
        <translation>重置视图设置(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the first layer, all heads, the class token and the default colours</source>
        <translation>恢复为第一层、所有头、类别令牌和默认颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enlarge the picture</source>
        <translation>放大图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shrink the picture</source>
        <translation>缩小图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show the whole picture</source>
        <translation>显示整张图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>One picture pixel per screen pixel; again to fit the window</source>
        <translation>一个图片像素对应一个屏幕像素；再按一次则适应窗口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Run the model on the picture again</source>
        <translation>在图片上重新运行模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stop the run in progress</source>
        <translation>停止正在进行的运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Default Model</source>
        <translation>默认模型(&amp;D)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go back to the built-in shapes model</source>
        <translation>回到内置的几何图形模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About ViTScope</source>
        <translation>关于 ViTScope(&amp;A)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Versions and licences</source>
        <translation>版本和许可证</translation>
    </message>
    <message>
        <location line="+1" />
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The Qt toolkit's version and licence</source>
        <translation>Qt 工具包的版本和许可证</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Samples</source>
        <translation>示例(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Samples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open one of the built-in sample pictures</source>
        <translation>打开一张内置的示例图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the overlay, head grid, attentions, current map or predictions</source>
        <translation>保存叠加图、各头网格、注意力、当前图的数值或预测结果</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>View Settings</source>
        <translation>视图设置</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Research</source>
        <translation>研究</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Progress of the current load, run or class attribution</source>
        <translation>当前加载、运行或类别归因的进度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>layer %v of %m</source>
        <translation>第 %v 层，共 %m 层</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time the last run took</source>
        <translation>上一次运行所用的时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The built-in model knows only shapes. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</source>
        <translation>内置模型只认识几何图形。&lt;a href="#models"&gt;获取一个真正的模型…&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+410" />
        <location filename="../ui/mainwindowui.cpp" line="+2" />
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+96" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+34" />
        <source>Shapes, for the built-in model</source>
        <translation>形状（适用于内置模型）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Photos, for a real model</source>
        <translation>照片（需要真实模型）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The built-in model knows only six shapes. Get a real model…</source>
        <translation>内置模型只认识六种形状。获取真实模型…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-370" />
        <source>drawing</source>
        <translation>绘图</translation>
    </message>
    <message>
        <location line="+92" />
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Opened %1 (%2 × %3)</source>
        <translation>已打开 %1 (%2 × %3)</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+49" />
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <location line="-49" />
        <source>the picture is empty</source>
        <translation>图片是空的</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Loading the default model…</source>
        <translation>正在加载默认模型…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loading model %1…</source>
        <translation>正在加载模型 %1…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>the default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Loaded model %1</source>
        <translation>已加载模型 %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Number of Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How many attention heads does each layer of this model have?</source>
        <translation>这个模型每一层有多少个注意力头？</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Shapes ViT (built-in)</source>
        <translation>几何图形 ViT（内置）</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Open Model File</source>
        <translation>打开模型文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checkpoints (*.safetensors *.bin *.pth *.pt)</source>
        <translation>检查点 (*.safetensors *.bin *.pth *.pt)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The clipboard holds no picture.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <location line="+30" />
        <source>dropped image</source>
        <translation>拖入的图像</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Running %1 on %2…</source>
        <translation>正在对 %2 运行 %1…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done in %1 ms</source>
        <translation>完成，用时 %1 毫秒</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot run %1 on %2: %3</source>
        <translation>无法对 %2 运行 %1：%3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+21" />
        <source>Cannot save a session: the picture is not a file (pasted, dropped or a sample). Save the picture first and open it from there.</source>
        <translation>无法保存会话：图片不是文件（粘贴、拖入或示例图片）。请先保存图片，再从该文件打开。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+24" />
        <source>ViTScope sessions (*.vitscope)</source>
        <translation>ViTScope 会话 (*.vitscope)</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot open the session %1: %2</source>
        <translation>无法打开会话 %1：%2</translation>
    </message>
    <message>
        <location line="+21" />
        <source>the picture %1 no longer exists</source>
        <translation>图片 %1 已不存在</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the model %1 no longer exists</source>
        <translation>模型 %1 已不存在</translation>
    </message>
    <message>
        <location line="+60" />
        <source>Export Overlay</source>
        <translation>导出叠加图</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Export Head Grid</source>
        <translation>导出各头网格</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export Attentions</source>
        <translation>导出注意力</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Export Current Map</source>
        <translation>导出当前图</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+5" />
        <source>Export Predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <location line="-3" />
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+107" />
        <source>The built-in model knows only six shapes (circle, square, triangle, star, cross, ring), so on a photo its answer means little. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</source>
        <translation>内置模型只认识六种形状（圆形、正方形、三角形、星形、十字、圆环），因此它对照片的回答意义不大。&lt;a href="#models"&gt;获取真实模型…&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="-130" />
        <location line="+90" />
        <location line="+69" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+48" />
        <location line="+9" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+9" />
        <source>there are no predictions yet</source>
        <translation>还没有预测结果</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-63" />
        <location line="+46" />
        <source>ViTScope</source>
        <translation>ViTScope</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>%1 – ViTScope</source>
        <translation>%1 – ViTScope</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 – %2 – ViTScope</source>
        <translation>%1 – %2 – ViTScope</translation>
    </message>
</context>
<context>
    <name>vitscope::ModelInfoView</name>
    <message>
        <location filename="../ui/modelinfoview.cpp" line="+71" />
        <source>Hugging Face ViT</source>
        <translation>Hugging Face ViT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hugging Face DeiT</source>
        <translation>Hugging Face DeiT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hugging Face DINOv2</source>
        <translation>Hugging Face DINOv2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT</source>
        <translation>timm ViT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>torchvision ViT</source>
        <translation>torchvision ViT</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 k</source>
        <translation>%1 k</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shapes ViT (built-in)</source>
        <translation>几何图形 ViT（内置）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0" />
        <source>built-in shapes model</source>
        <translation>内置的几何图形模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Family</source>
        <translation>模型系列</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Encoder blocks (L)</source>
        <translation>编码器块数 (L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Attention heads per layer (H)</source>
        <translation>每层的注意力头数 (H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden size</source>
        <translation>隐藏维度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Token width (D)</source>
        <translation>令牌向量维度 (D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Head size</source>
        <translation>每头维度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Width of one head (D / H)</source>
        <translation>单个头的维度 (D / H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MLP size</source>
        <translation>MLP 维度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SwiGLU branch width</source>
        <translation>SwiGLU 分支宽度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MLP hidden width (I)</source>
        <translation>MLP 隐藏层宽度 (I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch size</source>
        <translation>图像块大小</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 × %1 px</source>
        <translation>%1 × %1 像素</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+9" />
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+21" />
        <source>%1 × %2 px</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Patch grid</source>
        <translation>图像块网格</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Patches across × down</source>
        <translation>横向 × 纵向图像块数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 (%2 + %3)</source>
        <translation>%1 (%2 + %3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sequence length (T): prefix tokens + patches</source>
        <translation>序列长度 (T)：前缀令牌 + 图像块</translation>
    </message>
    <message>
        <location line="+3" />
        <source>shortest edge %1 px</source>
        <translation>短边 %1 像素</translation>
    </message>
    <message>
        <location line="+4" />
        <source>class</source>
        <translation>类别令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distillation</source>
        <translation>蒸馏令牌</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n register(s)</source>
        <translation>
            <numerusform>%n 个寄存器令牌</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prefix tokens</source>
        <translation>前缀令牌</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <location line="+0" />
        <source>class token</source>
        <translation>类别令牌 [CLS]</translation>
    </message>
    <message>
        <location line="+0" />
        <source>average of patches</source>
        <translation>图像块平均</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Labels</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none (no classifier)</source>
        <translation>无（没有分类头）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trained at</source>
        <translation>训练分辨率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolution of the stored position embeddings</source>
        <translation>所存位置编码对应的分辨率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resize</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+0" />
        <source>bicubic</source>
        <translation>双三次插值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>bilinear</source>
        <translation>双线性插值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Normalise</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mean (%1, %2, %3), std (%4, %5, %6)</source>
        <translation>均值 (%1, %2, %3)，标准差 (%4, %5, %6)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>vitscope::ModelListModel</name>
    <message>
        <location filename="../ui/modellistmodel.cpp" line="+59" />
        <source>Ready</source>
        <translation>可以打开</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cannot open: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Family</source>
        <translation>模型系列</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Size on disk</source>
        <translation>占用空间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>vitscope::ModelsDialog</name>
    <message>
        <location filename="../ui/modelsdialog.cpp" line="+196" />
        <location line="+232" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="-231" />
        <source>On this computer</source>
        <translation>这台电脑上</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the selected model in the main window</source>
        <translation>在主窗口中打开所选模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add &amp;Folder…</source>
        <translation>添加文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Also look for checkpoints in a folder of your choice</source>
        <translation>也在你选择的文件夹中查找检查点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look for models on this computer again</source>
        <translation>重新查找这台电脑上的模型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download from the Hugging Face hub</source>
        <translation>从 Hugging Face Hub 下载</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloads are off because HF_HUB_OFFLINE is set; the models on this computer can still be opened.</source>
        <translation>已设置 HF_HUB_OFFLINE，下载功能已关闭；这台电脑上的模型仍可打开。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Download</source>
        <translation>下载大小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;pository:</source>
        <translation>仓库(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ORG/NAME or ORG/NAME@REVISION</source>
        <translation>ORG/NAME 或 ORG/NAME@版本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Any model repository on the hub, e.g. google/vit-base-patch16-224; private and gated ones need a token (HF_TOKEN or `huggingface-cli login`)</source>
        <translation>Hub 上的任意模型仓库，例如 google/vit-base-patch16-224；私有和受限仓库需要访问令牌（HF_TOKEN 或 `huggingface-cli login`）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop the download; what has arrived is kept and resumed next time</source>
        <translation>停止下载；已下载的部分会保留，下次继续</translation>
    </message>
    <message>
        <location line="+17" />
        <source>on this computer</source>
        <translation>已在这台电脑上</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Looking for models…</source>
        <translation>正在查找模型…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None yet: download one below, or add a folder that holds checkpoints.</source>
        <translation>还没有：在下方下载一个，或添加一个存放检查点的文件夹。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Add Folder with Models</source>
        <translation>添加存放模型的文件夹</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Connecting to the hub…</source>
        <translation>正在连接 Hub…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>about %n s left</source>
        <translation>
            <numerusform>约剩 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>about %n min left</source>
        <translation>
            <numerusform>约剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>about %n h left</source>
        <translation>
            <numerusform>约剩 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2, %3/s, %4</source>
        <translation>%1 / %2，%3/s，%4</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 is on this computer now: select it above and click Open.</source>
        <translation>%1 已下载到这台电脑：在上方选中它，然后点击“打开”。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot download %1: %2</source>
        <translation>无法下载 %1：%2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Download of %1 cancelled.</source>
        <translation>已取消下载 %1。</translation>
    </message>
</context>
<context>
    <name>vitscope::PredictionsView</name>
    <message>
        <location filename="../ui/predictionsview.cpp" line="+100" />
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Class %1: %2</source>
        <translation>类别 %1：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Probability %1</source>
        <translation>概率 %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+194" />
        <source>Show &amp;top:</source>
        <translation>显示前(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many of the most probable classes to list</source>
        <translation>列出概率最高的前几个类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This model has no classifier head: no class predictions.</source>
        <translation>该模型没有分类头，因此没有类别预测。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Click a class to see which patches raised its score (class attribution); click it again or press Esc to deselect it</source>
        <translation>点击一个类别，查看哪些图像块提高了它的分数（类别归因）；再次点击或按 Esc 取消选择</translation>
    </message>
</context>
<context>
    <name>vitscope::ResearchView</name>
    <message>
        <location filename="../ui/researchview.cpp" line="+43" />
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location line="+2" />
        <source>rollout</source>
        <translation>注意力展开</translation>
    </message>
    <message>
        <location line="+2" />
        <source>class attribution</source>
        <translation>类别归因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <location line="+150" />
        <source>Feature PCA</source>
        <translation>特征 PCA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Token norms</source>
        <translation>令牌范数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINO masks</source>
        <translation>DINO 掩码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deletion / insertion</source>
        <translation>删除 / 插入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep for joint PCA</source>
        <translation>保留用于联合 PCA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit the PCA jointly over the kept pictures and the current one, so that the same part gets the same colour in each</source>
        <translation>在保留的图片和当前图片上联合拟合 PCA，使同一部位在每张图片中颜色相同</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear kept</source>
        <translation>清除保留</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Layer:</source>
        <translation>层(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attention &amp;mass kept:</source>
        <translation>保留的注意力比例(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each head keeps its most attended patches until they hold this share of the class token's attention (DINO: 0.6)</source>
        <translation>每个头保留注意力最高的图像块，直到它们占类别令牌注意力的这一比例（DINO：0.6）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Window (patches):</source>
        <translation>窗口（图像块）(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Stride:</source>
        <translation>步长(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;occlusion</source>
        <translation>运行遮挡(&amp;O)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patches per s&amp;tep:</source>
        <translation>每步图像块数(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;curves</source>
        <translation>运行曲线(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location line="+211" />
        <source>%n picture(s) kept</source>
        <translation>
            <numerusform>已保留 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>No run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Occlusion and curves explain the predicted class: %1</source>
        <translation>遮挡和曲线解释预测的类别：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This model has no classifier: occlusion and curves need a class</source>
        <translation>此模型没有分类头：遮挡和曲线需要一个类别</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+32" />
        <location line="+26" />
        <source>Open a picture and a model</source>
        <translation>请打开一张图片和一个模型</translation>
    </message>
    <message>
        <location line="-40" />
        <location line="+65" />
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="-64" />
        <source>Components 1-3 as RGB</source>
        <translation>主成分 1–3 作为 RGB</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Component 1 &gt; 0</source>
        <translation>主成分 1 &gt; 0</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Patch norms, %1 to %2</source>
        <translation>图像块范数，%1 至 %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch norms of layer %1</source>
        <translation>第 %1 层的图像块范数</translation>
    </message>
    <message>
        <location line="+3" />
        <source>class token: %1</source>
        <translation>类别令牌：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distillation token: %1</source>
        <translation>蒸馏令牌：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>register %1: %2</source>
        <translation>寄存器令牌 %1：%2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This model has no class token</source>
        <translation>此模型没有类别令牌</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Occlusion sets each window of patches to the data set's mean colour and shows how much the class's probability drops. Press Run occlusion.</source>
        <translation>遮挡把每个图像块窗口设为数据集的平均颜色，并显示该类别的概率下降了多少。请点击“运行遮挡”。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Probability drop</source>
        <translation>概率下降</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+2" />
        <source>%1: area %2</source>
        <translation>%1：面积 %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Share of patches deleted (lower area: more faithful)</source>
        <translation>已删除图像块的比例（面积越小越忠实）</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Share of patches inserted (higher area: more faithful)</source>
        <translation>已插入图像块的比例（面积越大越忠实）</translation>
    </message>
    <message>
        <location line="+41" />
        <location line="+13" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+6" />
        <source>Export View</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <location line="-5" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>vitscope::SessionFile</name>
    <message>
        <location filename="../ui/session.cpp" line="+88" />
        <location line="+50" />
        <location line="+10" />
        <source>it is not a ViTScope session</source>
        <translation>它不是 ViTScope 会话</translation>
    </message>
    <message>
        <location line="-56" />
        <source>it was saved by a newer ViTScope</source>
        <translation>它由更新版本的 ViTScope 保存</translation>
    </message>
    <message>
        <location line="+7" />
        <source>it names no picture</source>
        <translation>其中没有指定图片</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Cannot save the session to %1: %2</source>
        <translation>无法将会话保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+5" />
        <location line="+12" />
        <source>Cannot open the session %1: %2</source>
        <translation>无法打开会话 %1：%2</translation>
    </message>
</context>
<context>
    <name>vitscope::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+17" />
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+9" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Next layer</source>
        <translation>下一层</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Page Down, ]</source>
        <translation>Page Down、]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous layer</source>
        <translation>上一层</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Page Up, [</source>
        <translation>Page Up、[</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom the picture or the How it works text</source>
        <translation>缩放图片或“工作原理”的文字</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ctrl+wheel, +, -</source>
        <translation>Ctrl+滚轮、+、-</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scroll a zoomed picture</source>
        <translation>滚动放大的图片</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Wheel; Shift+wheel sideways; drag</source>
        <translation>滚轮；Shift+滚轮横向滚动；拖动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>See where a patch looks</source>
        <translation>查看一个图像块关注哪里</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click the patch</source>
        <translation>点击该图像块</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deselect the class</source>
        <translation>取消选择类别</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click it again, or Esc in Predictions</source>
        <translation>再次点击，或在“预测”中按 Esc</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>vitscope::ViewSettings</name>
    <message>
        <location filename="../ui/figureexport.cpp" line="+37" />
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../ui/render/viewsettings.cpp" line="+22" />
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+92" />
        <source>the class token</source>
        <translation>类别令牌</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the distillation token</source>
        <translation>蒸馏令牌</translation>
    </message>
    <message>
        <location line="+3" />
        <source>patch in row %1, column %2</source>
        <translation>第 %1 行、第 %2 列的图像块</translation>
    </message>
    <message>
        <location line="+2" />
        <source>register token %1</source>
        <translation>寄存器令牌 %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Layer %1, head %2, query: %3</source>
        <translation>第 %1 层，头 %2，查询：%3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layer %1, heads fused by %2, query: %3</source>
        <translation>第 %1 层，各头按%2融合，查询：%3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Attention rollout, heads fused by %1, discard ratio %2</source>
        <translation>注意力展开，各头按%1融合，丢弃比例 %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Class attribution for %1</source>
        <translation>“%1”的类别归因</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Shapes ViT (built-in)</source>
        <translation>几何图形 ViT（内置）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <location line="+1" />
        <source>rollout</source>
        <translation>注意力展开</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relevance for %1</source>
        <translation>对“%1”的相关性</translation>
    </message>
</context>
<context>
    <name>vitscope::WorkspaceTabs</name>
    <message>
        <location filename="../ui/drawtab.cpp" line="+22" />
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw</source>
        <translation>绘图</translation>
    </message>
</context>
<context>
    <name>vitscope::hub::HubClient</name>
    <message>
        <location filename="../ui/io/hubclient.cpp" line="+252" />
        <source>cannot write to the cache folder %1 (is the disk full?)</source>
        <translation>无法写入缓存文件夹 %1（磁盘是否已满？）</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot reach %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such repo, or it is private or gated and needs a token: set HF_TOKEN or save one with `huggingface-cli login`</source>
        <translation>%1：没有这个仓库，或者它是私有或受限的，需要令牌：请设置 HF_TOKEN，或用 `huggingface-cli login` 保存令牌</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: no such repo, or the token has no access to it</source>
        <translation>%1：没有这个仓库，或者令牌无权访问它</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: access refused (a gated repo: accept its conditions on the hub with the account of your token)</source>
        <translation>%1：访问被拒绝（受限仓库：请用令牌所属的账户在 Hugging Face 网站上接受其使用条件）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: no revision %2</source>
        <translation>%1：没有版本 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such file in the repo</source>
        <translation>%1：仓库中没有这个文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such repo on %2</source>
        <translation>%1：%2 上没有这个仓库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: no such repo on %2, or the token has no access to it</source>
        <translation>%1：%2 上没有这个仓库，或者令牌无权访问它</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: the hub answered %2 %3</source>
        <translation>%1：服务器返回 %2 %3</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1: the hub's answer has no commit hash</source>
        <translation>%1：服务器的回答中没有提交哈希</translation>
    </message>
    <message>
        <location line="+37" />
        <source>%1/%2: the hub's answer has no usable ETag</source>
        <translation>%1/%2：服务器的回答中没有可用的 ETag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1/%2: the hub's answer has no file size</source>
        <translation>%1/%2：服务器的回答中没有文件大小</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1/%2: the hub answered for commit %3 instead of %4</source>
        <translation>%1/%2：服务器返回的是提交 %3，而不是 %4</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>%1/%2: download failed after %n tries: %3</source>
        <translation>
            <numerusform>%1/%2：尝试 %n 次后下载失败：%3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58" />
        <source>%1: the hub redirected to an unsupported address</source>
        <translation>%1：服务器重定向到了不支持的地址</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1/%2: size mismatch, expected %3 bytes, received %4</source>
        <translation>%1/%2：大小不符，应为 %3 字节，实际收到 %4 字节</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1/%2: checksum mismatch, expected %3, received %4</source>
        <translation>%1/%2：校验和不符，应为 %3，实际为 %4</translation>
    </message>
    <message>
        <location line="+4" />
        <source>cannot rename %1 into place</source>
        <translation>无法将 %1 重命名到最终位置</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: the file name %2 would leave the cache folder</source>
        <translation>%1：文件名 %2 会超出缓存文件夹</translation>
    </message>
    <message>
        <location line="+9" />
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 is not in the cache %2, and HF_HUB_OFFLINE is set</source>
        <translation>%1 不在缓存 %2 中，而且已设置 HF_HUB_OFFLINE（离线模式）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>cannot write to %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 has no weights ViTScope can open (model.safetensors or pytorch_model.bin)</source>
        <translation>%1 中没有 ViTScope 能打开的权重（model.safetensors 或 pytorch_model.bin）</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2 is no valid shard index, or names a file outside the repo</source>
        <translation>%1：%2 不是有效的分片索引，或者其中的文件名指向仓库之外</translation>
    </message>
</context>
</TS>