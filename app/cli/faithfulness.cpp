// faithfulness: the deletion and insertion areas of several explanation methods on the same
// pictures and class, per picture and their means, as text or JSON.
#include "args.h"
#include "commands.h"
#include "explainmaps.h"
#include "modelarg.h"
#include "pictures.h"

#include "error.h"
#include "perturbation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <sstream>

namespace vitscope::cli {

namespace {

// Methods whose maps rank patches for one class's evidence.
std::vector<std::string> methodsArg(const Args& args)
{
    static const std::set<std::string> scored{"attention", "rollout", "attribution", "occlusion", "norms"};
    std::vector<std::string> methods;
    std::stringstream list(args.required("methods"));
    for (std::string name; std::getline(list, name, ',');) {
        if (!scored.contains(name))
            throw Error("--methods: unknown method '" + name
                        + "' (attention, rollout, attribution, occlusion or norms, separated by commas)");
        if (std::find(methods.begin(), methods.end(), name) == methods.end())
            methods.push_back(name);
    }
    if (methods.empty())
        throw Error("--methods needs at least one method");
    return methods;
}

QJsonObject scorePicture(const Model& model, const Picture& picture, const std::vector<std::string>& methods,
                         const MethodOptions& options, int step, ProgressBar& bar, int index)
{
    const ModelInput input = loadModelInput(picture, model);
    RunControl keep;
    keep.keep_residuals = true;
    const Result result = model.run(input.pixels, keep);
    const int cls = explainedClass(model, result, options);
    MethodOptions fixed = options;
    fixed.class_index = cls;
    QJsonObject scores;
    for (std::size_t m = 0; m < methods.size(); ++m) {
        RunControl control;
        const double share = 1.0 / static_cast<double>(methods.size());
        control.progress = [&](int done, int total) {
            bar.show(index, picture.name, share * (static_cast<double>(m) + static_cast<double>(done) / total));
        };
        const MethodMap map = methodMap(methods[m], model, input.pixels, result, fixed, {});
        const DeletionInsertion curves = deletionInsertion(model, input.pixels, map.values, cls, step, control);
        scores.insert(QString::fromStdString(methods[m]),
                      QJsonObject{{"deletion", curves.deletion.area}, {"insertion", curves.insertion.area}});
    }
    return QJsonObject{{"name", QString::fromStdString(picture.name)}, {"class", cls}, {"methods", scores}};
}

void printText(const Model& model, const QJsonArray& pictures, const QJsonObject& mean,
               const std::vector<std::string>& methods)
{
    std::printf("%-24s %-16s", "picture", "class");
    for (const std::string& m : methods)
        std::printf(" %20s", (m + " del/ins").c_str());
    std::printf("\n");
    const auto row = [&](const QString& name, const std::string& cls, const QJsonObject& scores) {
        std::printf("%-24s %-16s", qPrintable(name), cls.c_str());
        for (const std::string& m : methods) {
            const QJsonObject s = scores[QString::fromStdString(m)].toObject();
            std::printf(" %9.4f/%-10.4f", s["deletion"].toDouble(), s["insertion"].toDouble());
        }
        std::printf("\n");
    };
    for (const QJsonValue& p : pictures) {
        const QJsonObject o = p.toObject();
        row(o["name"].toString(), labelOf(model, o["class"].toInt()), o["methods"].toObject());
    }
    row(QStringLiteral("mean"), "", mean);
}

} // namespace

int faithfulness(const std::vector<std::string>& words)
{
    const Args args(words, {"model", "heads", "image", "images", "methods", "class", "step", "shard"}, {"json"});
    const std::vector<std::string> methods = methodsArg(args);
    const MethodOptions options = methodOptionsArg(args, {"attribution", "occlusion"});
    const int step = args.integer("step", 1);
    if (step < 1)
        throw Error("--step must be a positive number");
    const std::vector<Picture> pictures = picturesArg(args, false);
    const Model model = loadModelArg(args);
    checkMethodFits("occlusion", model, options); // every score needs a class
    for (const std::string& m : methods)
        checkMethodFits(m, model, options);

    QJsonArray scored;
    ProgressBar bar("faithfulness", static_cast<int>(pictures.size()));
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        bar.show(static_cast<int>(i), pictures[i].name);
        try {
            scored.append(scorePicture(model, pictures[i], methods, options, step, bar, static_cast<int>(i)));
        } catch (const Error& error) {
            bar.finish();
            throw Error(pictures[i].path + ": " + error.what());
        }
    }
    bar.show(static_cast<int>(pictures.size()), "");
    bar.finish();

    QJsonObject mean;
    for (const std::string& m : methods) {
        const QString name = QString::fromStdString(m);
        double deletion = 0.0, insertion = 0.0;
        for (const QJsonValue& p : scored) {
            const QJsonObject s = p.toObject()["methods"].toObject()[name].toObject();
            deletion += s["deletion"].toDouble();
            insertion += s["insertion"].toDouble();
        }
        const double n = static_cast<double>(scored.size());
        mean.insert(name, QJsonObject{{"deletion", deletion / n}, {"insertion", insertion / n}});
    }
    if (args.flag("json")) {
        const QJsonObject root{{"pictures", scored}, {"mean", mean}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        printText(model, scored, mean, methods);
    }
    return 0;
}

} // namespace vitscope::cli
