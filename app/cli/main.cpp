// vitscope-cli: the headless front end (classify, inspect, explain, faithfulness, shapes,
// evaluate-shapes, bench, models, download, figure).
#include "commands.h"

#include "error.h"
#include "version.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr const char* usage =
    "usage: vitscope-cli COMMAND [options]\n"
    "  classify [--model PATH] [--heads N] --image FILE [--top-k N] [--json]\n"
    "  inspect  [--model PATH] [--heads N] (--image FILE | --pixels FILE.npy) --dump DIR [--class N|top]\n"
    "  explain  [--model PATH] --method attention|rollout|attribution|occlusion|pca|norms|threshold\n"
    "           [--class N|top] [method options] (--image FILE | --pixels FILE.npy | --images DIR) --out DIR\n"
    "           [--shard I/N] [--png] [--json]\n"
    "           method options: --layer N --head N --fusion mean|max|min --discard R --window K\n"
    "           --stride S --fraction F\n"
    "  faithfulness [--model PATH] (--image FILE | --images DIR) --methods LIST [--class N|top]\n"
    "           [--step K] [--shard I/N] [--json]\n"
    "  shapes   --seed N --count N [--start N] --out DIR\n"
    "  evaluate-shapes [--model PATH] --seed N --count N [--json]\n"
    "  bench    [--model PATH] [--runs N] [--threads N] [--attribution] [--json]\n"
    "  models   [--json]\n"
    "  download ORG/NAME[@REVISION] [--json]\n"
    "  figure   [--model PATH] --image FILE [--view attention|rollout|attribution] [--layer L]\n"
    "           [--head H|mean|max|min] [--query cls|ROW,COL] [--class C|top] [--colormap NAME]\n"
    "           [--lang L] [--scale S] [--caption TEXT] --out FILE.png|.svg|.pdf\n"
    "  version  (or --version): the version and the backend in use\n"
    "--model takes a checkpoint folder or file, or ORG/NAME[@REVISION] from the Hugging Face hub\n"
    "(from its cache, downloaded first when missing). Without --model the embedded model is used.\n";

} // namespace

int main(int argc, char** argv)
{
    // Figures need fonts, hence a QGuiApplication; offscreen, so that no display is needed. Its
    // warnings (no XDG runtime folder on a headless machine, libpng's notes on colour profiles)
    // are noise here: bad input is reported as one line of our own.
    const bool gui = argc >= 2 && std::string(argv[1]) == "figure";
    if (gui) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", qPrintable(message));
        });
    }
    const std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    if (argc < 2) {
        std::fputs(usage, stderr);
        return 1;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    try {
        if (command == "classify")
            return vitscope::cli::classify(args);
        if (command == "inspect")
            return vitscope::cli::inspect(args);
        if (command == "explain")
            return vitscope::cli::explain(args);
        if (command == "faithfulness")
            return vitscope::cli::faithfulness(args);
        if (command == "shapes")
            return vitscope::cli::shapes(args);
        if (command == "evaluate-shapes")
            return vitscope::cli::evaluateShapes(args);
        if (command == "bench")
            return vitscope::cli::bench(args);
        if (command == "models")
            return vitscope::cli::models(args);
        if (command == "download")
            return vitscope::cli::download(args);
        if (command == "figure")
            return vitscope::cli::figure(args);
        if (command == "--version" || command == "version") {
            std::printf("vitscope-cli %s\n", qPrintable(vitscope::versionText()));
            return 0;
        }
        if (command == "--help" || command == "help") {
            std::fputs(usage, stdout);
            return 0;
        }
        std::fprintf(stderr, "vitscope-cli: unknown command '%s'\n%s", command.c_str(), usage);
        return 1;
    } catch (const vitscope::Cancelled&) {
        std::fputs("vitscope-cli: cancelled\n", stderr);
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "vitscope-cli: %s\n", error.what());
        return 1;
    }
}
