<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../ui/io/languagemanager.cpp" line="+21" />
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+31" />
        <source>Look inside Vision Transformers: predicted classes and the attention of every layer and head.</source>
        <translation>Ein Blick in Vision Transformer: vorhergesagte Klassen und die Aufmerksamkeit jeder Schicht und jedes Kopfes.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Interface language, e.g. zh_CN or en.</source>
        <translation>Sprache der Oberfläche, z. B. zh_CN oder en.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checkpoint folder, .safetensors file or ORG/NAME[@REV] from the Hugging Face hub (default: the built-in shapes model).</source>
        <translation>Checkpoint-Ordner, .safetensors-Datei oder ORG/NAME[@REV] vom Hugging Face Hub (Standard: das eingebaute Formen-Modell).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Picture to open.</source>
        <translation>Zu öffnendes Bild.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No translation for %1; available: %2</source>
        <translation>Keine Übersetzung für %1; verfügbar: %2</translation>
    </message>
</context>
<context>
    <name>vitscope::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="+47" />
        <source>About ViTScope</source>
        <translation>Über ViTScope</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>OpenMP %1 (up to %n thread(s))</source>
        <translation>
            <numerusform>OpenMP %1 (bis zu %n Thread)</numerusform>
            <numerusform>OpenMP %1 (bis zu %n Threads)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>OpenMP not available: running on one thread</source>
        <translation>OpenMP nicht verfügbar: Ausführung mit einem Thread</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A look inside Vision Transformers: class predictions and the attention of every layer and head over the image patches.</source>
        <translation>Ein Blick in Vision Transformer: Klassenvorhersagen und die Aufmerksamkeit jeder Schicht und jedes Kopfes über den Bild-Patches.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Backend: %1</source>
        <translation>Rechen-Backend: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Eigen %1</source>
        <translation>Eigen %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compiler: GCC %1.%2</source>
        <translation>Compiler: GCC %1.%2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ViTScope is free software under the MIT licence.</source>
        <translation>ViTScope ist freie Software unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The sample photographs come from scikit-image's data set and are in the public domain (NASA, SpaceX) or CC0 (the cat and the coffee cup); the shapes pictures and the built-in model are ViTScope's own. See resources/samples/LICENSES.md. Qt is used under the LGPL version 3, Eigen under the MPL 2.0.</source>
        <translation>Die Beispielfotos stammen aus dem Datensatz von scikit-image und sind gemeinfrei (NASA, SpaceX) oder CC0 (die Katze und die Kaffeetasse); die Formenbilder und das eingebaute Modell gehören ViTScope selbst. Siehe resources/samples/LICENSES.md. Qt wird unter der LGPL Version 3 verwendet, Eigen unter der MPL 2.0.</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionControls</name>
    <message>
        <location filename="../ui/attentioncontrols.cpp" line="+215" />
        <source>What to show</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View:</source>
        <translation>&amp;Ansicht:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attention of one layer</source>
        <translation>Aufmerksamkeit einer Schicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rollout through all layers</source>
        <translation>Rollout durch alle Schichten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Class attribution</source>
        <translation>Klassen-Attribution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Layer:</source>
        <translation>&amp;Schicht:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The transformer is a stack of layers; each one lets every token gather information from the others. Early layers tend to look nearby, later ones at whole objects. Counted from 0, as in PyTorch. Keys: Page Up/Page Down or [ and ].</source>
        <translation>Der Transformer ist ein Stapel von Schichten; in jeder sammelt jedes Token Information von den anderen. Frühe Schichten schauen eher in die Nähe, spätere auf ganze Objekte. Gezählt ab 0, wie in PyTorch. Tasten: Bild auf/Bild ab oder [ und ].</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Head:</source>
        <translation>&amp;Kopf:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Each layer has several attention heads that look at the picture independently, each with its own idea of what matters. "All heads" combines them as "Combine heads by" says: the mean, or per patch the strongest (max) or weakest (min).</source>
        <translation>Jede Schicht hat mehrere Aufmerksamkeitsköpfe, die das Bild unabhängig betrachten, jeder mit seiner eigenen Vorstellung davon, was wichtig ist. „Alle Köpfe“ fasst sie so zusammen, wie „Köpfe kombinieren per“ sagt: als Mittelwert oder je Patch der stärkste (Max.) oder schwächste (Min.).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Query token:</source>
        <translation>Abfrage-&amp;Token:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The token whose attention is shown: the map says where this token looks. The class token collects what the classifier uses for its answer. Click a patch on the picture to see where that patch looks.</source>
        <translation>Das Token, dessen Aufmerksamkeit gezeigt wird: Die Karte zeigt, wohin dieses Token schaut. Das Klassen-Token sammelt, was der Klassifikator für seine Antwort verwendet. Klicken Sie auf einen Patch im Bild, um zu sehen, wohin dieser Patch schaut.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Combining heads</source>
        <translation>Köpfe zusammenführen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Combine heads by:</source>
        <translation>Köpfe &amp;kombinieren per:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Min</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How the heads of a layer are combined into one map, for "All heads" and for rollout.</source>
        <translation>Wie die Köpfe einer Schicht zu einer Karte zusammengeführt werden, für „Alle Köpfe“ und für den Rollout.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Discard ratio:</source>
        <translation>&amp;Verwerfungsanteil:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rollout only: this fraction of the weakest attention in each layer is set to zero before the layers are combined, which sharpens the map.</source>
        <translation>Nur Rollout: Dieser Anteil der schwächsten Aufmerksamkeit jeder Schicht wird auf null gesetzt, bevor die Schichten kombiniert werden; das schärft die Karte.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Colormap:</source>
        <translation>Farbska&amp;la:</translation>
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
        <translation>Grau</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Colours from low to high attention, as in matplotlib.</source>
        <translation>Farben von niedriger bis hoher Aufmerksamkeit, wie in matplotlib.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scale:</source>
        <translation>&amp;Wertebereich:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shared by the layer's heads</source>
        <translation>Gemeinsam für die Köpfe der Schicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Per head</source>
        <translation>Je Kopf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shared: all heads of a layer use one range of values, so their colours can be compared.
Per head: each map uses its own lowest and highest value, which shows the shape of weak heads too.</source>
        <translation>Gemeinsam: Alle Köpfe einer Schicht verwenden einen Wertebereich, sodass ihre Farben vergleichbar sind.
Je Kopf: Jede Karte verwendet ihren eigenen kleinsten und größten Wert; so wird auch die Form schwacher Köpfe sichtbar.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Opacity:</source>
        <translation>&amp;Deckkraft:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How strongly the map covers the picture.</source>
        <translation>Wie stark die Karte das Bild überdeckt.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Upsampling:</source>
        <translation>&amp;Hochskalierung:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Patch blocks</source>
        <translation>Patch-Blöcke</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Smooth</source>
        <translation>Glatt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch blocks show one colour per patch, exactly what the model computed; smooth blends between patch centres.</source>
        <translation>Patch-Blöcke zeigen eine Farbe pro Patch, genau das, was das Modell berechnet hat; „Glatt“ blendet zwischen den Patch-Mittelpunkten über.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show patch &amp;grid</source>
        <translation>Patch-&amp;Raster anzeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lines between the patches the model cuts the picture into.</source>
        <translation>Linien zwischen den Patches, in die das Modell das Bild zerlegt.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>All heads</source>
        <translation>Alle Köpfe</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Class token [CLS]</source>
        <translation>Klassen-Token [CLS]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distillation token</source>
        <translation>Destillations-Token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Register token %1</source>
        <translation>Register-Token %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Picked patch (row %1, column %2)</source>
        <translation>Gewählter Patch (Zeile %1, Spalte %2)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Class attribution needs a classifier head, and this model has none: it describes pictures by features, not by classes.</source>
        <translation>Die Klassen-Attribution braucht einen Klassifikationskopf, und dieses Modell hat keinen: Es beschreibt Bilder durch Merkmale, nicht durch Klassen.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Attention: where one token looks in one layer.
Rollout: follows attention through all layers (with the skip connections) to estimate which patches the class token draws on in the end.
Class attribution: which patches made the model give the selected class (in Predictions) its score: every layer's attention, weighted by how much it raises that score (Chefer et al. 2021).</source>
        <translation>Aufmerksamkeit: wohin ein Token in einer Schicht schaut.
Rollout: verfolgt die Aufmerksamkeit durch alle Schichten (mit den Residualverbindungen), um abzuschätzen, auf welche Patches sich das Klassen-Token am Ende stützt.
Klassen-Attribution: welche Patches dem Modell den Score der gewählten Klasse (unter Vorhersagen) eingebracht haben: die Aufmerksamkeit jeder Schicht, gewichtet danach, wie sehr sie diesen Score erhöht (Chefer et al. 2021).</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Class: none selected</source>
        <translation>Klasse: keine gewählt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Class: %1 (%2)</source>
        <translation>Klasse: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Class: %1 (%2), the most probable</source>
        <translation>Klasse: %1 (%2), die wahrscheinlichste</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionPanel</name>
    <message>
        <location filename="../ui/attentionpanel.cpp" line="+155" />
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The picture with the chosen map over its patches. Click a patch to see what it looks at; Ctrl+wheel zooms, dragging pans.</source>
        <translation>Das Bild mit der gewählten Karte über seinen Patches. Klicken Sie auf einen Patch, um zu sehen, worauf er achtet; Strg+Mausrad zoomt, Ziehen verschiebt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every head of the chosen layer side by side. Click one to select it.</source>
        <translation>Alle Köpfe der gewählten Schicht nebeneinander. Klicken Sie auf einen, um ihn auszuwählen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layers x Heads</source>
        <translation>Schichten × Köpfe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every layer (rows) and head (columns) at once, for the same query token. Click a tile to select that layer and head.</source>
        <translation>Alle Schichten (Zeilen) und Köpfe (Spalten) auf einmal, für dasselbe Abfrage-Token. Klicken Sie auf eine Kachel, um diese Schicht und diesen Kopf auszuwählen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How it works</source>
        <translation>So funktioniert es</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How a ViT turns this picture into an answer, step by step, for teaching. Ctrl+wheel or Ctrl++ and Ctrl+- change the text size.</source>
        <translation>Wie ein ViT aus diesem Bild eine Antwort macht, Schritt für Schritt, für den Unterricht. Strg+Mausrad oder Strg++ und Strg+- ändern die Schriftgröße.</translation>
    </message>
    <message>
        <location line="+135" />
        <source>relevance for %1, all heads of layer %2</source>
        <translation>Relevanz für %1, alle Köpfe der Schicht %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relevance for %1 in layer %2; each layer has its own scale</source>
        <translation>Relevanz für %1 in Schicht %2; jede Schicht hat ihre eigene Skala</translation>
    </message>
    <message>
        <location filename="../ui/attentionpanelselection.cpp" line="+54" />
        <source>the map has %1 values for %2 patches</source>
        <translation>die Karte hat %1 Werte für %2 Patches</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the heads' maps have %1 values for %2 layers x heads x patches</source>
        <translation>die Karten der Köpfe haben %1 Werte für %2 Schichten x Köpfe x Patches</translation>
    </message>
    <message>
        <location line="+47" />
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../ui/attentionpanel.cpp" line="-94" />
        <source>Open a picture and a model to see where the model looks.</source>
        <translation>Öffnen Sie ein Bild und ein Modell, um zu sehen, wohin das Modell schaut.</translation>
    </message>
    <message>
        <location line="-17" />
        <source>the class token</source>
        <translation>das Klassen-Token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the distillation token</source>
        <translation>das Destillations-Token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the patch in row %1, column %2</source>
        <translation>der Patch in Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>register token %1</source>
        <translation>Register-Token %1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+0" />
        <source>max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+0" />
        <source>min</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Attention rollout of the class token through all %1 layers, heads fused by %2, discard ratio %3.</source>
        <translation>Aufmerksamkeits-Rollout des Klassen-Tokens durch alle %1 Schichten, Köpfe zusammengeführt per %2, Verwerfungsanteil %3.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No rollout: %1</source>
        <translation>Kein Rollout: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Class attribution for %1: the patches whose attention raised the score of this class, through all %2 layers (gradients times attention, Chefer et al. 2021).</source>
        <translation>Klassen-Attribution für %1: die Patches, deren Aufmerksamkeit den Score dieser Klasse erhöht hat, durch alle %2 Schichten (Gradient mal Aufmerksamkeit, Chefer et al. 2021).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No class attribution for %1: %2</source>
        <translation>Keine Klassen-Attribution für %1: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Computing the class attribution for %1…</source>
        <translation>Klassen-Attribution für %1 wird berechnet…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The class attribution for %1 was stopped. Pick the class again or run the model again to compute it.</source>
        <translation>Die Klassen-Attribution für %1 wurde abgebrochen. Wählen Sie die Klasse erneut oder führen Sie das Modell erneut aus, um sie zu berechnen.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>all heads fused by %1</source>
        <translation>alle Köpfe, zusammengeführt per %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layer %1, %2: where %3 looks.</source>
        <translation>Schicht %1, %2: wohin %3 schaut.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location line="-2" />
        <source>attention weight</source>
        <translation>Aufmerksamkeitsgewicht</translation>
    </message>
    <message>
        <location line="+4" />
        <source>relevance for %1</source>
        <translation>Relevanz für %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>attention weight, all heads of layer %1</source>
        <translation>Aufmerksamkeitsgewicht, alle Köpfe der Schicht %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>attention weight of layer %1; each layer has its own scale</source>
        <translation>Aufmerksamkeitsgewicht der Schicht %1; jede Schicht hat ihre eigene Skala</translation>
    </message>
    <message>
        <location line="+4" />
        <source>each map on its own scale; shown: the selected map</source>
        <translation>jede Karte mit eigener Skala; angezeigt: die gewählte Karte</translation>
    </message>
    <message>
        <location line="+49" />
        <source>This result holds no attention maps to show.</source>
        <translation>Dieses Ergebnis enthält keine Aufmerksamkeitskarten zum Anzeigen.</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Layer %1, query: %2</source>
        <translation>Schicht %1, Abfrage: %2</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionView</name>
    <message>
        <location filename="../ui/attentionview.cpp" line="+216" />
        <source>Open a picture and a model to see where the model looks.</source>
        <translation>Öffnen Sie ein Bild und ein Modell, um zu sehen, wohin das Modell schaut.</translation>
    </message>
    <message>
        <location line="+124" />
        <source>Patch row %1, column %2
Attention %3</source>
        <translation>Patch Zeile %1, Spalte %2
Aufmerksamkeit %3</translation>
    </message>
</context>
<context>
    <name>vitscope::CuratedModels</name>
    <message>
        <location filename="../ui/curatedmodels.cpp" line="+11" />
        <source>ViT-B/16, ImageNet-21k then ImageNet-1k classes: the original ViT</source>
        <translation>ViT-B/16, erst ImageNet-21k, dann ImageNet-1k-Klassen: der ursprüngliche ViT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ViT-L/16, ImageNet-1k classes: 24 layers, 16 heads</source>
        <translation>ViT-L/16, ImageNet-1k-Klassen: 24 Schichten, 16 Köpfe</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DeiT tiny with a distillation token, ImageNet-1k classes: small and fast</source>
        <translation>DeiT tiny mit Destillations-Token, ImageNet-1k-Klassen: klein und schnell</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DeiT base with a distillation token at 384 × 384, ImageNet-1k classes</source>
        <translation>DeiT base mit Destillations-Token bei 384 × 384, ImageNet-1k-Klassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DINO ViT-S/8, self-supervised: striking attention maps, no classes</source>
        <translation>DINO ViT-S/8, selbstüberwacht: eindrucksvolle Aufmerksamkeitskarten, keine Klassen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINO ViT-B/16, self-supervised, no classes</source>
        <translation>DINO ViT-B/16, selbstüberwacht, keine Klassen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINOv2 ViT-S/14, self-supervised, no classes</source>
        <translation>DINOv2 ViT-S/14, selbstüberwacht, keine Klassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DINOv2 ViT-S/14 with four register tokens, no classes</source>
        <translation>DINOv2 ViT-S/14 mit vier Register-Token, keine Klassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT-S/16 (AugReg), ImageNet-1k classes</source>
        <translation>timm ViT-S/16 (AugReg), ImageNet-1k-Klassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT-B/14 DINOv2 with four register tokens, no classes</source>
        <translation>timm ViT-B/14 DINOv2 mit vier Register-Token, keine Klassen</translation>
    </message>
</context>
<context>
    <name>vitscope::DrawTab</name>
    <message>
        <location filename="../ui/drawtab.cpp" line="+310" />
        <source>The model took %1 ms.</source>
        <translation>Das Modell brauchte %1 ms.</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+4" />
        <source>Export Drawing</source>
        <translation>Zeichnung exportieren</translation>
    </message>
    <message>
        <location line="-4" />
        <source>drawing.png</source>
        <translation>zeichnung.png</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images (*.png *.jpg *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.bmp)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Brush</source>
        <translation>&amp;Pinsel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw strokes with the brush colour</source>
        <translation>Striche in der Pinselfarbe zeichnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F&amp;ill</source>
        <translation>&amp;Füllen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fill the closed outline you click into with the brush colour</source>
        <translation>Die geschlossene Umrandung, in die Sie klicken, mit der Pinselfarbe füllen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Eraser</source>
        <translation>&amp;Radierer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rub out strokes down to the background</source>
        <translation>Striche bis auf den Hintergrund wegradieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Colour…</source>
        <translation>F&amp;arbe…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brush colour</source>
        <translation>Pinselfarbe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location line="+1" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brush and eraser width in pixels of the %1 × %1 sheet</source>
        <translation>Breite von Pinsel und Radierer in Pixeln des Blatts von %1 × %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back&amp;ground:</source>
        <translation>&amp;Hintergrund:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plain</source>
        <translation>Einfarbig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gradient</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Background colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Second colour of the gradient</source>
        <translation>Zweite Farbe des Verlaufs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the drawing as a picture</source>
        <translation>Die Zeichnung als Bild speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use as &amp;Picture</source>
        <translation>Als &amp;Bild verwenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the drawing in the attention view</source>
        <translation>Die Zeichnung in der Aufmerksamkeitsansicht zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show &amp;attention (rollout)</source>
        <translation>&amp;Aufmerksamkeit zeigen (Rollout)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Load a model to see what it makes of the drawing.</source>
        <translation>Laden Sie ein Modell, um zu sehen, was es aus der Zeichnung macht.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Draw on the sheet: the model answers as you draw.</source>
        <translation>Zeichnen Sie auf das Blatt: Das Modell antwortet, während Sie zeichnen.</translation>
    </message>
</context>
<context>
    <name>vitscope::ErrorText</name>
    <message>
        <location filename="../ui/errortext.cpp" line="+28" />
        <source> (line %1, column %2)</source>
        <translation> (Zeile %1, Spalte %2)</translation>
    </message>
</context>
<context>
    <name>vitscope::ExportFigureDialog</name>
    <message>
        <location filename="../ui/exportfiguredialog.cpp" line="+112" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+23" />
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SVG drawing</source>
        <translation>SVG-Zeichnung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scale:</source>
        <translation>&amp;Wertebereich:</translation>
    </message>
    <message>
        <location line="+1" />
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pixels of the PNG per layout unit: 2 for slides, 4 for print</source>
        <translation>Pixel des PNG je Layout-Einheit: 2 für Folien, 4 für den Druck</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Caption:</source>
        <translation>&amp;Bildunterschrift:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Optional text below the figure</source>
        <translation>Optionaler Text unter der Abbildung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 × %2 points</source>
        <translation>%1 × %2 Punkt</translation>
    </message>
</context>
<context>
    <name>vitscope::Exporter</name>
    <message>
        <location filename="../ui/exporter.cpp" line="+29" />
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+66" />
        <source>there is nothing to export yet</source>
        <translation>es gibt noch nichts zu exportieren</translation>
    </message>
    <message>
        <location line="+8" />
        <source>PNG encoding failed</source>
        <translation>PNG-Kodierung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>there are no attentions to export</source>
        <translation>es gibt keine Aufmerksamkeitswerte zum Exportieren</translation>
    </message>
    <message>
        <location line="+12" />
        <source>there is no map to export yet</source>
        <translation>es gibt noch keine Karte zum Exportieren</translation>
    </message>
    <message>
        <location line="-54" />
        <source>cannot replace the file</source>
        <translation>die Datei kann nicht ersetzt werden</translation>
    </message>
</context>
<context>
    <name>vitscope::Figure</name>
    <message>
        <location filename="../ui/render/figure.cpp" line="+112" />
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+118" />
        <source>the name must end in .png, .svg or .pdf</source>
        <translation>der Name muss auf .png, .svg oder .pdf enden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>there is nothing to export yet</source>
        <translation>es gibt noch nichts zu exportieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the scale must lie between 0 and 16</source>
        <translation>der Maßstab muss zwischen 0 und 16 liegen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>drawing failed</source>
        <translation>das Zeichnen ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>vitscope::HeadGridView</name>
    <message>
        <location filename="../ui/headgridview.cpp" line="+65" />
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <location line="+66" />
        <source>No heads to show yet.</source>
        <translation>Noch keine Köpfe anzuzeigen.</translation>
    </message>
    <message>
        <location line="+122" />
        <source>Head %1: click to show it over the picture</source>
        <translation>Kopf %1: klicken, um ihn über dem Bild anzuzeigen</translation>
    </message>
</context>
<context>
    <name>vitscope::HowItWorksView</name>
    <message>
        <location filename="../ui/howitworksview.cpp" line="+129" />
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location line="+258" />
        <source>Cannot draw this step: %1</source>
        <translation>Dieser Schritt lässt sich nicht zeichnen: %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The picture the model saw is not at hand.</source>
        <translation>Das Bild, das das Modell gesehen hat, liegt nicht vor.</translation>
    </message>
    <message>
        <location line="+69" />
        <source>How a Vision Transformer reads a picture</source>
        <translation>Wie ein Vision Transformer ein Bild liest</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open a picture and a model: this page then shows, step by step, how the model turns the picture into an answer, with the numbers of that run.</source>
        <translation>Öffnen Sie ein Bild und ein Modell: Diese Seite zeigt dann Schritt für Schritt, wie das Modell aus dem Bild eine Antwort macht, mit den Zahlen dieses Laufs.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 on %2. Every picture on this page is drawn from this run and this model's weights; switching here never runs the model again.</source>
        <translation>%1 auf %2. Jedes Bild auf dieser Seite stammt aus diesem Lauf und den Gewichten dieses Modells; der Wechsel hierher startet das Modell nicht neu.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>what the model sees</source>
        <translation>was das Modell sieht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>cut into patches</source>
        <translation>in Patches zerlegt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cut the picture into patches</source>
        <translation>Das Bild in Patches zerlegen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First the picture is scaled to the size the model expects (%1 × %2 pixels). Then it is cut into small squares, like tiles: the patches. The model never looks at single pixels, only at patches.</source>
        <translation>Zuerst wird das Bild auf die Größe gebracht, die das Modell erwartet (%1 × %2 Pixel). Dann wird es wie ein Fliesenboden in kleine Quadrate zerlegt: die Patches. Das Modell sieht nie einzelne Pixel, nur Patches.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 × %2 = %3 patches of %4 × %4 pixels; each patch is %5 numbers (%6 colour channels × %4 × %4).</source>
        <translation>%1 × %2 = %3 Patches mit %4 × %4 Pixeln; jeder Patch besteht aus %5 Zahlen (%6 Farbkanäle × %4 × %4).</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Turn each patch into a token (patch embedding)</source>
        <translation>Aus jedem Patch ein Token machen (Patch-Einbettung)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each patch's %1 numbers are multiplied by one learned matrix, which turns them into %2 numbers: the patch's token. Each of the %2 outputs is a weighted sum of the patch's pixels, a filter that responds to one pattern. The pictures show the main patterns these %2 filters are built from (their principal components, as in the ViT paper): what the model looks for in a patch, such as brightness, colour and edges.</source>
        <translation>Die %1 Zahlen jedes Patches werden mit einer gelernten Matrix multipliziert, die daraus %2 Zahlen macht: das Token des Patches. Jede der %2 Ausgaben ist eine gewichtete Summe der Pixel des Patches, ein Filter, der auf ein bestimmtes Muster anspricht. Die Bilder zeigen die wichtigsten Muster, aus denen diese %2 Filter bestehen (ihre Hauptkomponenten, wie im ViT-Paper): wonach das Modell in einem Patch sucht, etwa Helligkeit, Farbe und Kanten.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The %1 main patterns, most important first; the percentage says how much of the differences between the filters each one explains.</source>
        <translation>Die %1 wichtigsten Muster, das wichtigste zuerst; der Prozentsatz sagt, wie viel der Unterschiede zwischen den Filtern jedes erklärt.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>A token does not know where its patch was. So the model adds a learned position vector to each patch token. Each of the small squares belongs to one patch position (row, column) and shows how similar its position vector is to those of all other positions: yellow is alike, dark is different. In models trained on many photographs, neighbours and patches in the same row or column come out alike: the model learns the layout of the grid by itself. A small model trained on simple pictures may learn a coarser layout.</source>
        <translation>Ein Token weiß nicht, wo sein Patch lag. Deshalb addiert das Modell zu jedem Patch-Token einen gelernten Positionsvektor. Jedes der kleinen Quadrate gehört zu einer Patch-Position (Zeile, Spalte) und zeigt, wie ähnlich ihr Positionsvektor denen aller anderen Positionen ist: Gelb heißt ähnlich, dunkel heißt verschieden. In Modellen, die mit vielen Fotos trainiert wurden, sind Nachbarn und Patches in derselben Zeile oder Spalte einander ähnlich: Das Modell lernt die Anordnung des Rasters selbst. Ein kleines Modell, das mit einfachen Bildern trainiert wurde, lernt womöglich eine gröbere Anordnung.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This model learned its positions on a %1 × %2 grid; for this run's %3 × %4 grid they were stretched to fit (interpolated).</source>
        <translation>Dieses Modell hat seine Positionen auf einem %1 × %2-Raster gelernt; für das %3 × %4-Raster dieses Laufs wurden sie passend gestreckt (interpoliert).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>cosine similarity</source>
        <translation>Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add where each patch sits (position embedding)</source>
        <translation>Hinzufügen, wo jeder Patch liegt (Positionseinbettung)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 × %2 positions, each compared with all %3.</source>
        <translation>%1 × %2 Positionen, jede mit allen %3 verglichen.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>1 class token</source>
        <translation>1 Klassen-Token</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In front of the patch tokens goes one more token that belongs to no patch: the class token [CLS]. It starts as the same learned vector for every picture; its job is to collect from all patches what the answer needs.</source>
        <translation>Vor die Patch-Tokens kommt ein weiteres Token, das zu keinem Patch gehört: das Klassen-Token [CLS]. Es beginnt bei jedem Bild als derselbe gelernte Vektor; seine Aufgabe ist, aus allen Patches zu sammeln, was die Antwort braucht.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This model has no class token: it works on the patch tokens only.</source>
        <translation>Dieses Modell hat kein Klassen-Token: Es arbeitet nur mit den Patch-Tokens.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 distillation token</source>
        <translation>1 Destillations-Token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Beside it sits a distillation token [DIST], trained to agree with a teacher model.</source>
        <translation>Daneben sitzt ein Destillations-Token [DIST], trainiert, mit einem Lehrer-Modell übereinzustimmen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n register token(s)</source>
        <translation>
            <numerusform>%n Register-Token</numerusform>
            <numerusform>%n Register-Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The register tokens [REG] are scratch space: the model may store what it needs there, and they are not part of the answer.</source>
        <translation>Die Register-Tokens [REG] sind wie Schmierpapier: Das Modell kann dort ablegen, was es braucht, und sie gehören nicht zur Antwort.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>For its answer, this model averages the patch tokens instead of reading one token.</source>
        <translation>Für seine Antwort mittelt dieses Modell die Patch-Tokens, statt ein einzelnes Token zu lesen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From here on the transformer works on one sequence of %1 tokens, each a list of %2 numbers.</source>
        <translation>Ab hier arbeitet der Transformer mit einer Folge von %1 Tokens, jedes eine Liste von %2 Zahlen.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n patch token(s)</source>
        <translation>
            <numerusform>%n Patch-Token</numerusform>
            <numerusform>%n Patch-Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>The sequence: class token and patch tokens</source>
        <translation>Die Folge: Klassen-Token und Patch-Tokens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 + %2 patches = %3 tokens, each %4 numbers.</source>
        <translation>%1 + %2 Patches = %3 Tokens mit je %4 Zahlen.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 tokens, each %2 numbers.</source>
        <translation>%1 Tokens mit je %2 Zahlen.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mean attention distance (pixels)</source>
        <translation>mittlere Aufmerksamkeitsdistanz (Pixel)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>one dot per head</source>
        <translation>ein Punkt je Kopf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mean of the heads</source>
        <translation>Mittel der Köpfe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Multi-head self-attention, layer by layer</source>
        <translation>Mehrköpfige Selbstaufmerksamkeit (Multi-Head Self-Attention), Schicht für Schicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The model has %1 layers, and each has two parts. In multi-head self-attention, every token compares itself with every other token; a softmax turns these scores into weights that add up to 1, and the token takes in the others' information by those weights. %2 heads do this side by side, each looking for something else. Then a small neural network, the MLP, works on each token on its own.

The plot shows how far each head looks, on average, from a patch to the patches it attends to (the ViT paper's mean attention distance). Low dots look at their neighbours, like a convolution; high dots take in the whole picture. Early layers usually do both; later layers mostly look far.</source>
        <translation>Das Modell hat %1 Schichten, und jede hat zwei Teile. In der mehrköpfigen Selbstaufmerksamkeit vergleicht sich jedes Token mit jedem anderen; ein Softmax macht aus diesen Werten Gewichte, die zusammen 1 ergeben, und das Token nimmt die Information der anderen nach diesen Gewichten auf. %2 Köpfe tun das nebeneinander, jeder achtet auf etwas anderes. Danach bearbeitet ein kleines neuronales Netz, das MLP, jedes Token für sich.

Das Diagramm zeigt, wie weit jeder Kopf im Mittel schaut, von einem Patch zu den Patches, auf die er achtet (die mittlere Aufmerksamkeitsdistanz aus dem ViT-Paper). Tiefe Punkte schauen auf ihre Nachbarn, wie eine Faltung; hohe Punkte erfassen das ganze Bild. Frühe Schichten tun meist beides; späte Schichten schauen meist weit.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Counted from 0, as in the other tabs; %1 pixels is the distance between neighbouring patches.</source>
        <translation>Ab 0 gezählt, wie in den anderen Reitern; %1 Pixel sind der Abstand benachbarter Patches.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/readoutsummary.cpp" line="+37" />
        <source>Already at the input the top class is %1, and it stays on top after every layer.</source>
        <translation>Schon bei der Eingabe liegt %1 vorn und bleibt nach jeder Schicht vorn.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only after the last layer does %1 come out on top.</source>
        <translation>Erst nach der letzten Schicht liegt %1 vorn.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>After layer %1, %2 comes out on top and stays there.</source>
        <translation>Nach Schicht %1 kommt %2 nach vorn und bleibt dort.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At the input, %1 is already the top class.</source>
        <translation>Schon bei der Eingabe liegt %1 vorn.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 first comes out on top after layer %2.</source>
        <translation>%1 liegt nach Schicht %2 zum ersten Mal vorn.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>It loses the lead after layer %1 and only takes it back after the last layer.</source>
        <translation>Nach Schicht %1 verliert die Klasse die Führung und gewinnt sie erst nach der letzten Schicht zurück.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>It loses the lead after layer %1 and takes it back after layer %2, for good.</source>
        <translation>Nach Schicht %1 verliert die Klasse die Führung und gewinnt sie nach Schicht %2 endgültig zurück.</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>It loses the lead %n time(s) and only takes it back for good after the last layer.</source>
        <translation>
            <numerusform>Die Klasse verliert die Führung %n-mal und gewinnt sie erst nach der letzten Schicht endgültig zurück.</numerusform>
            <numerusform>Die Klasse verliert die Führung %n-mal und gewinnt sie erst nach der letzten Schicht endgültig zurück.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>It loses the lead %n time(s) and takes it back for good after layer %1.</source>
        <translation>
            <numerusform>Die Klasse verliert die Führung %n-mal und gewinnt sie nach Schicht %1 endgültig zurück.</numerusform>
            <numerusform>Die Klasse verliert die Führung %n-mal und gewinnt sie nach Schicht %1 endgültig zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/howitworksview.cpp" line="+10" />
        <source>after layer</source>
        <translation>nach Schicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>probability of %1</source>
        <translation>Wahrscheinlichkeit von %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This model has no classifier: it describes pictures by features, not by classes, so there is no answer to follow through the layers.</source>
        <translation>Dieses Modell hat keinen Klassifikationskopf: Es beschreibt Bilder durch Merkmale, nicht durch Klassen, also gibt es keine Antwort, die man durch die Schichten verfolgen könnte.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>What would the model answer if it stopped early? Here the final norm and the classifier are applied to the tokens after each layer, as if it were the last (the "logit lens"). The line shows the probability of the final answer, %1, at each step. The classifier was trained on the last layer's output only, so early values are a rough look, not the model's opinion.</source>
        <translation>Was würde das Modell antworten, wenn es früher aufhörte? Hier werden die letzte Normierung und der Klassifikationskopf auf die Tokens nach jeder Schicht angewandt, als wäre sie die letzte (die „Logit-Linse“). Die Linie zeigt die Wahrscheinlichkeit der endgültigen Antwort, %1, bei jedem Schritt. Der Klassifikationskopf wurde nur auf der Ausgabe der letzten Schicht trainiert; frühe Werte sind daher nur ein grober Blick, nicht die Meinung des Modells.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>How the answer forms through the layers</source>
        <translation>Wie die Antwort durch die Schichten entsteht</translation>
    </message>
    <message>
        <location line="+12" />
        <source>This model has no classifier, so it gives no scores and no probabilities: its output is the %1 numbers of each token, for other programs to use.</source>
        <translation>Dieses Modell hat keinen Klassifikationskopf und gibt daher weder Werte noch Wahrscheinlichkeiten aus: Seine Ausgabe sind die %1 Zahlen jedes Tokens, zur Weiterverwendung durch andere Programme.</translation>
    </message>
    <message numerus="yes">
        <location line="+20" />
        <source>the other %n class(es)</source>
        <translation>
            <numerusform>die übrige %n Klasse</numerusform>
            <numerusform>die übrigen %n Klassen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>score (logit)</source>
        <translation>Wert (Logit)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The classifier gives each of the %1 classes a score, the logit. Softmax turns the scores into probabilities: e to the power of each score, divided by the sum of these over all classes. The probabilities are all positive and add up to 100 %. A class that leads by a few points in score leads by far more in probability: softmax makes the winner stand out.</source>
        <translation>Der Klassifikationskopf gibt jeder der %1 Klassen einen Wert, den Logit. Softmax macht aus den Werten Wahrscheinlichkeiten: e hoch jeden Wert, geteilt durch die Summe davon über alle Klassen. Die Wahrscheinlichkeiten sind alle positiv und ergeben zusammen 100 %. Eine Klasse, die beim Wert nur wenig vorne liegt, liegt bei der Wahrscheinlichkeit weit vorne: Softmax hebt den Gewinner hervor.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Softmax: from scores to probabilities</source>
        <translation>Softmax: von Werten zu Wahrscheinlichkeiten</translation>
    </message>
</context>
<context>
    <name>vitscope::HubDownloader</name>
    <message>
        <location filename="../ui/hubdownloader.cpp" line="+80" />
        <source>not enough memory</source>
        <translation>nicht genug Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>vitscope::ImageIO</name>
    <message>
        <location filename="../ui/io/imageio.cpp" line="+26" />
        <source>Cannot load %1: %2</source>
        <translation>Kann %1 nicht laden: %2</translation>
    </message>
    <message>
        <location filename="../ui/io/heifimage.cpp" line="+50" />
        <location filename="../ui/io/imageio.cpp" line="+5" />
        <source>the picture is %1 × %2 pixels, more than the %3 megapixels ViTScope opens</source>
        <translation>das Bild hat %1 × %2 Pixel, mehr als die %3 Megapixel, die ViTScope öffnet</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the file holds no picture</source>
        <translation>die Datei enthält kein Bild</translation>
    </message>
</context>
<context>
    <name>vitscope::InferenceWorker</name>
    <message>
        <location filename="../ui/inferenceworker.cpp" line="+57" />
        <source>Not enough memory to run the model on this image.</source>
        <translation>Nicht genug Speicher, um das Modell auf diesem Bild auszuführen.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Not enough memory for the class attribution of this image.</source>
        <translation>Nicht genug Speicher für die Klassen-Attribution dieses Bildes.</translation>
    </message>
</context>
<context>
    <name>vitscope::LanguageMenu</name>
    <message>
        <location filename="../ui/languagemenu.cpp" line="+36" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>vitscope::LayerOverview</name>
    <message>
        <location filename="../ui/layeroverview.cpp" line="+61" />
        <location line="+52" />
        <location line="+60" />
        <source>L%1</source>
        <translation>S%1</translation>
    </message>
    <message>
        <location line="-65" />
        <source>H%1</source>
        <translation>K%1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No layers to show yet.</source>
        <translation>Noch keine Schichten anzuzeigen.</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Layer %1, head %2: click to select</source>
        <translation>Schicht %1, Kopf %2: klicken zum Auswählen</translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+115" />
        <source>not enough memory for this model</source>
        <translation>nicht genug Speicher für dieses Modell</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+274" />
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+385" />
        <source>&amp;Open Image…</source>
        <translation>Bild ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open a picture to classify and inspect</source>
        <translation>Ein Bild zum Klassifizieren und Untersuchen öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Model Folder…</source>
        <translation>&amp;Modellordner öffnen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open Model &amp;File…</source>
        <translation>Modell&amp;datei öffnen…</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Open a checkpoint folder (config.json and model.safetensors or pytorch_model.bin)</source>
        <translation>Einen Checkpoint-Ordner öffnen (config.json und model.safetensors oder pytorch_model.bin)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+81" />
        <source>Circle</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross</source>
        <translation>Kreuz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Square</source>
        <translation>Quadrat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Triangle</source>
        <translation>Dreieck</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Astronaut (Eileen Collins)</source>
        <translation>Astronautin (Eileen Collins)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cat (Chelsea)</source>
        <translation>Katze (Chelsea)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cup of coffee</source>
        <translation>Tasse Kaffee</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rocket launch</source>
        <translation>Raketenstart</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-301" />
        <source>%1 is not on this computer yet: Download in the Models dialog fetches it</source>
        <translation>%1 ist noch nicht auf diesem Computer: „Herunterladen“ im Modelle-Dialog holt es</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+1" />
        <source>Open a lone checkpoint file (.safetensors, .bin, .pth)</source>
        <translation>Eine einzelne Checkpoint-Datei öffnen (.safetensors, .bin, .pth)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open Model from &amp;Hub…</source>
        <translation>Modell vom &amp;Hub öffnen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download a model from the Hugging Face hub, or open one already on this computer</source>
        <translation>Ein Modell vom Hugging Face Hub herunterladen oder eines öffnen, das schon auf diesem Computer ist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Paste Image</source>
        <translation>Bild einfü&amp;gen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Use the picture on the clipboard</source>
        <translation>Das Bild aus der Zwischenablage verwenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Forget the recently opened images and models</source>
        <translation>Die zuletzt geöffneten Bilder und Modelle vergessen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Figure…</source>
        <translation>&amp;Abbildung exportieren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the current view with its title, colour scale and a caption as PNG, SVG or PDF</source>
        <translation>Die aktuelle Ansicht mit Titel, Farbskala und Bildunterschrift als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Copy the current view with its title and colour scale as an image</source>
        <translation>Die aktuelle Ansicht mit Titel und Farbskala als Bild kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Print the current view with its title and colour scale</source>
        <translation>Die aktuelle Ansicht mit Titel und Farbskala drucken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Print Pre&amp;view…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show how the current view will look on paper</source>
        <translation>Zeigen, wie die aktuelle Ansicht auf Papier aussehen wird</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Overlay PNG…</source>
        <translation>&amp;Überlagerung als PNG exportieren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the picture with the current attention map at full resolution</source>
        <translation>Das Bild mit der aktuellen Aufmerksamkeitskarte in voller Auflösung speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Head Grid PNG…</source>
        <translation>&amp;Kopfraster als PNG exportieren…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every head of the current layer as one PNG</source>
        <translation>Alle Köpfe der aktuellen Schicht als ein PNG speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Attentions (.npy)…</source>
        <translation>&amp;Aufmerksamkeit exportieren (.npy)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save every layer's and head's attention as a NumPy array (layers, heads, tokens, tokens)</source>
        <translation>Die Aufmerksamkeit aller Schichten und Köpfe als NumPy-Array speichern (Schichten, Köpfe, Token, Token)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Current &amp;Map (.npy)…</source>
        <translation>Aktuelle &amp;Karte exportieren (.npy)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the values of the map shown over the picture as a NumPy array (rows, columns of patches)</source>
        <translation>Die Werte der über dem Bild gezeigten Karte als NumPy-Array speichern (Zeilen, Spalten der Patches)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Predictions as &amp;JSON…</source>
        <translation>Vorhersagen als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every class with its probability as JSON</source>
        <translation>Alle Klassen mit ihrer Wahrscheinlichkeit als JSON speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Predictions as &amp;CSV…</source>
        <translation>Vorhersagen als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every class with its probability as CSV</source>
        <translation>Alle Klassen mit ihrer Wahrscheinlichkeit als CSV speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Leave ViTScope</source>
        <translation>ViTScope beenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Session…</source>
        <translation>&amp;Sitzung öffnen …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open a saved session: its model, picture and view settings</source>
        <translation>Eine gespeicherte Sitzung öffnen: ihr Modell, ihr Bild und ihre Ansichtseinstellungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sa&amp;ve Session…</source>
        <translation>Sitzung &amp;speichern …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the model, the picture and the view settings to a .vitscope file</source>
        <translation>Modell, Bild und Ansichtseinstellungen in einer .vitscope-Datei speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Restore Last Session at Start</source>
        <translation>Letzte Sitzung beim Start &amp;wiederherstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with the model, picture and view settings of the last session, when its files still exist</source>
        <translation>Mit Modell, Bild und Ansichtseinstellungen der letzten Sitzung starten, sofern ihre Dateien noch existieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every shortcut of ViTScope in one list</source>
        <translation>Alle Tastenkürzel von ViTScope in einer Liste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset &amp;View Settings</source>
        <translation>&amp;Ansichtseinstellungen zurücksetzen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the first layer, all heads, the class token and the default colours</source>
        <translation>Zurück zur ersten Schicht, allen Köpfen, dem Klassen-Token und den Standardfarben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enlarge the picture</source>
        <translation>Das Bild vergrößern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shrink the picture</source>
        <translation>Das Bild verkleinern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show the whole picture</source>
        <translation>Das ganze Bild zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+1" />
        <source>One picture pixel per screen pixel; again to fit the window</source>
        <translation>Ein Bildpixel pro Bildschirmpixel; erneut: an das Fenster anpassen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Run the model on the picture again</source>
        <translation>Das Modell erneut auf das Bild anwenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stop the run in progress</source>
        <translation>Den laufenden Durchlauf anhalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Default Model</source>
        <translation>&amp;Standardmodell</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go back to the built-in shapes model</source>
        <translation>Zum eingebauten Formen-Modell zurückkehren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About ViTScope</source>
        <translation>&amp;Über ViTScope</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Versions and licences</source>
        <translation>Versionen und Lizenzen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The Qt toolkit's version and licence</source>
        <translation>Version und Lizenz des Qt-Toolkits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Samples</source>
        <translation>Bei&amp;spiele</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open one of the built-in sample pictures</source>
        <translation>Eines der eingebauten Beispielbilder öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the overlay, head grid, attentions, current map or predictions</source>
        <translation>Überlagerung, Kopfraster, Aufmerksamkeit, aktuelle Karte oder Vorhersagen speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>View Settings</source>
        <translation>Ansichtseinstellungen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Progress of the current load, run or class attribution</source>
        <translation>Fortschritt des aktuellen Ladens, Durchlaufs oder der Klassen-Attribution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>layer %v of %m</source>
        <translation>Schicht %v von %m</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time the last run took</source>
        <translation>Dauer des letzten Durchlaufs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The built-in model knows only shapes. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</source>
        <translation>Das eingebaute Modell kennt nur Formen. &lt;a href="#models"&gt;Ein echtes Modell holen…&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+410" />
        <location filename="../ui/mainwindowui.cpp" line="+2" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+96" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+34" />
        <source>Shapes, for the built-in model</source>
        <translation>Formen, für das eingebaute Modell</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Photos, for a real model</source>
        <translation>Fotos, für ein echtes Modell</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The built-in model knows only six shapes. Get a real model…</source>
        <translation>Das eingebaute Modell kennt nur sechs Formen. Ein echtes Modell holen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-370" />
        <source>drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <location line="+92" />
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Opened %1 (%2 × %3)</source>
        <translation>%1 geöffnet (%2 × %3)</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+49" />
        <source>Cannot load %1: %2</source>
        <translation>Kann %1 nicht laden: %2</translation>
    </message>
    <message>
        <location line="-49" />
        <source>the picture is empty</source>
        <translation>das Bild ist leer</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Loading the default model…</source>
        <translation>Standardmodell wird geladen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loading model %1…</source>
        <translation>Modell %1 wird geladen…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>the default model</source>
        <translation>das Standardmodell</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Loaded model %1</source>
        <translation>Modell %1 geladen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Number of Heads</source>
        <translation>Anzahl der Köpfe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How many attention heads does each layer of this model have?</source>
        <translation>Wie viele Aufmerksamkeitsköpfe hat jede Schicht dieses Modells?</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Shapes ViT (built-in)</source>
        <translation>Formen-ViT (eingebaut)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Open Model File</source>
        <translation>Modelldatei öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checkpoints (*.safetensors *.bin *.pth *.pt)</source>
        <translation>Checkpoints (*.safetensors *.bin *.pth *.pt)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>pasted image</source>
        <translation>eingefügtes Bild</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The clipboard holds no picture.</source>
        <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>dropped image</source>
        <translation>abgelegtes Bild</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Running %1 on %2…</source>
        <translation>%1 läuft auf %2…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done in %1 ms</source>
        <translation>Fertig in %1 ms</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot run %1 on %2: %3</source>
        <translation>Kann %1 nicht auf %2 ausführen: %3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+21" />
        <source>Cannot save a session: the picture is not a file (pasted, dropped or a sample). Save the picture first and open it from there.</source>
        <translation>Die Sitzung kann nicht gespeichert werden: Das Bild ist keine Datei (eingefügt, hineingezogen oder ein Beispiel). Speichern Sie das Bild zuerst und öffnen Sie es von dort.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+24" />
        <source>ViTScope sessions (*.vitscope)</source>
        <translation>ViTScope-Sitzungen (*.vitscope)</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot open the session %1: %2</source>
        <translation>Die Sitzung %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+21" />
        <source>the picture %1 no longer exists</source>
        <translation>das Bild %1 existiert nicht mehr</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the model %1 no longer exists</source>
        <translation>das Modell %1 existiert nicht mehr</translation>
    </message>
    <message>
        <location line="+60" />
        <source>Export Overlay</source>
        <translation>Überlagerung exportieren</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Export Head Grid</source>
        <translation>Kopfraster exportieren</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export Attentions</source>
        <translation>Aufmerksamkeit exportieren</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy-Arrays (*.npy)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Export Current Map</source>
        <translation>Aktuelle Karte exportieren</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+5" />
        <source>Export Predictions</source>
        <translation>Vorhersagen exportieren</translation>
    </message>
    <message>
        <location line="-3" />
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+107" />
        <source>The built-in model knows only six shapes (circle, square, triangle, star, cross, ring), so on a photo its answer means little. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</source>
        <translation>Das eingebaute Modell kennt nur sechs Formen (Kreis, Quadrat, Dreieck, Stern, Kreuz, Ring); bei einem Foto sagt seine Antwort daher wenig. &lt;a href="#models"&gt;Ein echtes Modell holen …&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="-130" />
        <location line="+90" />
        <location line="+69" />
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+48" />
        <location line="+9" />
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+9" />
        <source>there are no predictions yet</source>
        <translation>es gibt noch keine Vorhersagen</translation>
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
        <translation>torchvision-ViT</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 k</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none loaded</source>
        <translation>keines geladen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shapes ViT (built-in)</source>
        <translation>Formen-ViT (eingebaut)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+0" />
        <source>built-in shapes model</source>
        <translation>eingebautes Formen-Modell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Encoder blocks (L)</source>
        <translation>Encoder-Blöcke (L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Attention heads per layer (H)</source>
        <translation>Aufmerksamkeitsköpfe pro Schicht (H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden size</source>
        <translation>Verborgene Dimension</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Token width (D)</source>
        <translation>Token-Breite (D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Head size</source>
        <translation>Kopfdimension</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Width of one head (D / H)</source>
        <translation>Breite eines Kopfes (D / H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MLP size</source>
        <translation>MLP-Breite</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SwiGLU branch width</source>
        <translation>Breite des SwiGLU-Zweigs</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MLP hidden width (I)</source>
        <translation>Verborgene MLP-Breite (I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch size</source>
        <translation>Patch-Größe</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 × %1 px</source>
        <translation>%1 × %1 px</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+9" />
        <source>Input size</source>
        <translation>Eingabegröße</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+21" />
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Patch grid</source>
        <translation>Patch-Raster</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Patches across × down</source>
        <translation>Patches waagerecht × senkrecht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 (%2 + %3)</source>
        <translation>%1 (%2 + %3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sequence length (T): prefix tokens + patches</source>
        <translation>Sequenzlänge (T): Präfix-Token + Patches</translation>
    </message>
    <message>
        <location line="+3" />
        <source>shortest edge %1 px</source>
        <translation>kürzeste Seite %1 px</translation>
    </message>
    <message>
        <location line="+4" />
        <source>class</source>
        <translation>Klassen-Token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distillation</source>
        <translation>Destillations-Token</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n register(s)</source>
        <translation>
            <numerusform>%n Register</numerusform>
            <numerusform>%n Register</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prefix tokens</source>
        <translation>Präfix-Token</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <location line="+0" />
        <source>class token</source>
        <translation>Klassen-Token</translation>
    </message>
    <message>
        <location line="+0" />
        <source>average of patches</source>
        <translation>Mittelwert der Patches</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Labels</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none (no classifier)</source>
        <translation>keine (kein Klassifikator)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trained at</source>
        <translation>Trainiert mit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolution of the stored position embeddings</source>
        <translation>Auflösung der gespeicherten Positionseinbettungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resize</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>bicubic</source>
        <translation>bikubisch</translation>
    </message>
    <message>
        <location line="+0" />
        <source>bilinear</source>
        <translation>bilinear</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Normalise</source>
        <translation>Normalisierung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mean (%1, %2, %3), std (%4, %5, %6)</source>
        <translation>Mittelwert (%1, %2, %3), Std.-Abw. (%4, %5, %6)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>vitscope::ModelListModel</name>
    <message>
        <location filename="../ui/modellistmodel.cpp" line="+59" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cannot open: %1</source>
        <translation>Kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Size on disk</source>
        <translation>Größe auf der Platte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>vitscope::ModelsDialog</name>
    <message>
        <location filename="../ui/modelsdialog.cpp" line="+196" />
        <location line="+232" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location line="-231" />
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the selected model in the main window</source>
        <translation>Das gewählte Modell im Hauptfenster öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Also look for checkpoints in a folder of your choice</source>
        <translation>Auch in einem Ordner Ihrer Wahl nach Checkpoints suchen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look for models on this computer again</source>
        <translation>Erneut nach Modellen auf diesem Computer suchen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download from the Hugging Face hub</source>
        <translation>Vom Hugging Face Hub herunterladen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloads are off because HF_HUB_OFFLINE is set; the models on this computer can still be opened.</source>
        <translation>Herunterladen ist aus, weil HF_HUB_OFFLINE gesetzt ist; die Modelle auf diesem Computer lassen sich weiterhin öffnen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;pository:</source>
        <translation>Re&amp;pository:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ORG/NAME or ORG/NAME@REVISION</source>
        <translation>ORG/NAME oder ORG/NAME@REVISION</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Any model repository on the hub, e.g. google/vit-base-patch16-224; private and gated ones need a token (HF_TOKEN or `huggingface-cli login`)</source>
        <translation>Jedes Modell-Repository auf dem Hub, z. B. google/vit-base-patch16-224; private und zugangsbeschränkte brauchen ein Token (HF_TOKEN oder `huggingface-cli login`)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Download</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop the download; what has arrived is kept and resumed next time</source>
        <translation>Den Download anhalten; was schon da ist, bleibt und wird beim nächsten Mal fortgesetzt</translation>
    </message>
    <message>
        <location line="+17" />
        <source>on this computer</source>
        <translation>auf diesem Computer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Looking for models…</source>
        <translation>Suche nach Modellen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None yet: download one below, or add a folder that holds checkpoints.</source>
        <translation>Noch keines: unten eines herunterladen oder einen Ordner mit Checkpoints hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n Modell</numerusform>
            <numerusform>%n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cannot open %1: %2</source>
        <translation>Kann %1 nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Add Folder with Models</source>
        <translation>Ordner mit Modellen hinzufügen</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Connecting to the hub…</source>
        <translation>Verbindung zum Hub…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>about %n s left</source>
        <translation>
            <numerusform>noch etwa %n s</numerusform>
            <numerusform>noch etwa %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>about %n min left</source>
        <translation>
            <numerusform>noch etwa %n min</numerusform>
            <numerusform>noch etwa %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>about %n h left</source>
        <translation>
            <numerusform>noch etwa %n h</numerusform>
            <numerusform>noch etwa %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2, %3/s, %4</source>
        <translation>%1 von %2, %3/s, %4</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 is on this computer now: select it above and click Open.</source>
        <translation>%1 ist jetzt auf diesem Computer: oben auswählen und auf „Öffnen“ klicken.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot download %1: %2</source>
        <translation>Kann %1 nicht herunterladen: %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Download of %1 cancelled.</source>
        <translation>Download von %1 abgebrochen.</translation>
    </message>
</context>
<context>
    <name>vitscope::PredictionsView</name>
    <message>
        <location filename="../ui/predictionsview.cpp" line="+100" />
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Class %1: %2</source>
        <translation>Klasse %1: %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Probability %1</source>
        <translation>Wahrscheinlichkeit %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+194" />
        <source>Show &amp;top:</source>
        <translation>&amp;Beste anzeigen:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many of the most probable classes to list</source>
        <translation>Wie viele der wahrscheinlichsten Klassen aufgelistet werden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This model has no classifier head: no class predictions.</source>
        <translation>Dieses Modell hat keinen Klassifikationskopf: keine Klassenvorhersagen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Click a class to see which patches raised its score (class attribution); click it again or press Esc to deselect it</source>
        <translation>Klicken Sie auf eine Klasse, um zu sehen, welche Patches ihren Score erhöht haben (Klassen-Attribution); ein zweiter Klick oder Esc hebt die Auswahl auf</translation>
    </message>
</context>
<context>
    <name>vitscope::ResearchView</name>
    <message>
        <location filename="../ui/researchview.cpp" line="+43" />
        <source>attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location line="+2" />
        <source>class attribution</source>
        <translation>Klassen-Attribution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>occlusion</source>
        <translation>Verdeckung</translation>
    </message>
    <message>
        <location line="+150" />
        <source>Feature PCA</source>
        <translation>Merkmals-PCA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Token norms</source>
        <translation>Token-Normen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINO masks</source>
        <translation>DINO-Masken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Occlusion</source>
        <translation>Verdeckung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deletion / insertion</source>
        <translation>Löschen / Einfügen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep for joint PCA</source>
        <translation>Für gemeinsame PCA behalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit the PCA jointly over the kept pictures and the current one, so that the same part gets the same colour in each</source>
        <translation>Die PCA gemeinsam über die behaltenen Bilder und das aktuelle berechnen, damit derselbe Teil in jedem Bild dieselbe Farbe bekommt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear kept</source>
        <translation>Behaltene entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Layer:</source>
        <translation>&amp;Schicht:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attention &amp;mass kept:</source>
        <translation>Behaltener Aufmerksamkeits-&amp;Anteil:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each head keeps its most attended patches until they hold this share of the class token's attention (DINO: 0.6)</source>
        <translation>Jeder Kopf behält seine am stärksten beachteten Patches, bis sie diesen Anteil der Aufmerksamkeit des Klassen-Tokens halten (DINO: 0,6)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Window (patches):</source>
        <translation>&amp;Fenster (Patches):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Stride:</source>
        <translation>&amp;Schrittweite:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;occlusion</source>
        <translation>&amp;Verdeckung berechnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patches per s&amp;tep:</source>
        <translation>Patches pro Sc&amp;hritt:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;curves</source>
        <translation>&amp;Kurven berechnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message numerus="yes">
        <location line="+211" />
        <source>%n picture(s) kept</source>
        <translation>
            <numerusform>%n Bild behalten</numerusform>
            <numerusform>%n Bilder behalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>No run yet</source>
        <translation>Noch kein Durchlauf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Occlusion and curves explain the predicted class: %1</source>
        <translation>Verdeckung und Kurven erklären die vorhergesagte Klasse: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This model has no classifier: occlusion and curves need a class</source>
        <translation>Dieses Modell hat keinen Klassifikator: Verdeckung und Kurven brauchen eine Klasse</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+32" />
        <location line="+26" />
        <source>Open a picture and a model</source>
        <translation>Öffnen Sie ein Bild und ein Modell</translation>
    </message>
    <message>
        <location line="-40" />
        <location line="+65" />
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="-64" />
        <source>Components 1-3 as RGB</source>
        <translation>Komponenten 1–3 als RGB</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Component 1 &gt; 0</source>
        <translation>Komponente 1 &gt; 0</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Patch norms, %1 to %2</source>
        <translation>Patch-Normen, %1 bis %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch norms of layer %1</source>
        <translation>Patch-Normen der Schicht %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>class token: %1</source>
        <translation>Klassen-Token: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distillation token: %1</source>
        <translation>Destillations-Token: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>register %1: %2</source>
        <translation>Register %1: %2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This model has no class token</source>
        <translation>Dieses Modell hat kein Klassen-Token</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Occlusion sets each window of patches to the data set's mean colour and shows how much the class's probability drops. Press Run occlusion.</source>
        <translation>Die Verdeckung setzt jedes Fenster von Patches auf die mittlere Farbe des Datensatzes und zeigt, wie stark die Wahrscheinlichkeit der Klasse sinkt. Klicken Sie auf „Verdeckung berechnen“.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Probability drop</source>
        <translation>Abfall der Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+2" />
        <source>%1: area %2</source>
        <translation>%1: Fläche %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Share of patches deleted (lower area: more faithful)</source>
        <translation>Anteil gelöschter Patches (kleinere Fläche: treuer)</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Share of patches inserted (higher area: more faithful)</source>
        <translation>Anteil eingefügter Patches (größere Fläche: treuer)</translation>
    </message>
    <message>
        <location line="+41" />
        <location line="+13" />
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+6" />
        <source>Export View</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <location line="-5" />
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>vitscope::SessionFile</name>
    <message>
        <location filename="../ui/session.cpp" line="+88" />
        <location line="+50" />
        <location line="+10" />
        <source>it is not a ViTScope session</source>
        <translation>sie ist keine ViTScope-Sitzung</translation>
    </message>
    <message>
        <location line="-56" />
        <source>it was saved by a newer ViTScope</source>
        <translation>sie wurde von einer neueren ViTScope-Version gespeichert</translation>
    </message>
    <message>
        <location line="+7" />
        <source>it names no picture</source>
        <translation>sie nennt kein Bild</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Cannot save the session to %1: %2</source>
        <translation>Die Sitzung kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+5" />
        <location line="+12" />
        <source>Cannot open the session %1: %2</source>
        <translation>Die Sitzung %1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>vitscope::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+17" />
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+9" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Next layer</source>
        <translation>Nächste Schicht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Page Down, ]</source>
        <translation>Bild ab, ]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous layer</source>
        <translation>Vorige Schicht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Page Up, [</source>
        <translation>Bild auf, [</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom the picture or the How it works text</source>
        <translation>Bild oder Text von „So funktioniert es“ zoomen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ctrl+wheel, +, -</source>
        <translation>Strg+Mausrad, +, -</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scroll a zoomed picture</source>
        <translation>Ein gezoomtes Bild verschieben</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Wheel; Shift+wheel sideways; drag</source>
        <translation>Mausrad; Umschalt+Mausrad seitwärts; Ziehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>See where a patch looks</source>
        <translation>Sehen, wohin ein Patch schaut</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click the patch</source>
        <translation>Auf den Patch klicken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deselect the class</source>
        <translation>Klassenauswahl aufheben</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click it again, or Esc in Predictions</source>
        <translation>Erneut klicken oder Esc in „Vorhersagen“</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>vitscope::ViewSettings</name>
    <message>
        <location filename="../ui/figureexport.cpp" line="+37" />
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../ui/render/viewsettings.cpp" line="+22" />
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>min</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+92" />
        <source>the class token</source>
        <translation>das Klassen-Token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the distillation token</source>
        <translation>das Destillations-Token</translation>
    </message>
    <message>
        <location line="+3" />
        <source>patch in row %1, column %2</source>
        <translation>Patch in Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>register token %1</source>
        <translation>Register-Token %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Layer %1, head %2, query: %3</source>
        <translation>Schicht %1, Kopf %2, Abfrage: %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layer %1, heads fused by %2, query: %3</source>
        <translation>Schicht %1, Köpfe zusammengeführt per %2, Abfrage: %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Attention rollout, heads fused by %1, discard ratio %2</source>
        <translation>Aufmerksamkeits-Rollout, Köpfe zusammengeführt per %1, Verwerfungsanteil %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Class attribution for %1</source>
        <translation>Klassen-Attribution für %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Shapes ViT (built-in)</source>
        <translation>Formen-ViT (eingebaut)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>attention weight</source>
        <translation>Aufmerksamkeitsgewicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relevance for %1</source>
        <translation>Relevanz für %1</translation>
    </message>
</context>
<context>
    <name>vitscope::WorkspaceTabs</name>
    <message>
        <location filename="../ui/drawtab.cpp" line="+22" />
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
</context>
<context>
    <name>vitscope::hub::HubClient</name>
    <message>
        <location filename="../ui/io/hubclient.cpp" line="+252" />
        <source>cannot write to the cache folder %1 (is the disk full?)</source>
        <translation>kann nicht in den Cache-Ordner %1 schreiben (ist der Datenträger voll?)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such repo, or it is private or gated and needs a token: set HF_TOKEN or save one with `huggingface-cli login`</source>
        <translation>%1: kein solches Repository, oder es ist privat oder zugangsbeschränkt und braucht ein Token: HF_TOKEN setzen oder eines mit `huggingface-cli login` speichern</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: no such repo, or the token has no access to it</source>
        <translation>%1: kein solches Repository, oder das Token hat keinen Zugriff darauf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: access refused (a gated repo: accept its conditions on the hub with the account of your token)</source>
        <translation>%1: Zugriff verweigert (ein zugangsbeschränktes Repository: seine Bedingungen auf dem Hub mit dem Konto des Tokens annehmen)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: no revision %2</source>
        <translation>%1: keine Revision %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such file in the repo</source>
        <translation>%1: keine solche Datei im Repository</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such repo on %2</source>
        <translation>%1: kein solches Repository auf %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: no such repo on %2, or the token has no access to it</source>
        <translation>%1: kein solches Repository auf %2, oder das Token hat keinen Zugriff darauf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: the hub answered %2 %3</source>
        <translation>%1: der Hub antwortete %2 %3</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1: the hub's answer has no commit hash</source>
        <translation>%1: die Antwort des Hubs enthält keinen Commit-Hash</translation>
    </message>
    <message>
        <location line="+37" />
        <source>%1/%2: the hub's answer has no usable ETag</source>
        <translation>%1/%2: die Antwort des Hubs enthält kein brauchbares ETag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1/%2: the hub's answer has no file size</source>
        <translation>%1/%2: die Antwort des Hubs enthält keine Dateigröße</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1/%2: the hub answered for commit %3 instead of %4</source>
        <translation>%1/%2: der Hub antwortete für Commit %3 statt %4</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot write %1: %2</source>
        <translation>kann %1 nicht schreiben: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>%1/%2: download failed after %n tries: %3</source>
        <translation>
            <numerusform>%1/%2: Download nach %n Versuch fehlgeschlagen: %3</numerusform>
            <numerusform>%1/%2: Download nach %n Versuchen fehlgeschlagen: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58" />
        <source>%1: the hub redirected to an unsupported address</source>
        <translation>%1: der Hub leitete auf eine nicht unterstützte Adresse um</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1/%2: size mismatch, expected %3 bytes, received %4</source>
        <translation>%1/%2: Größe stimmt nicht, erwartet %3 Bytes, erhalten %4</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1/%2: checksum mismatch, expected %3, received %4</source>
        <translation>%1/%2: Prüfsumme stimmt nicht, erwartet %3, erhalten %4</translation>
    </message>
    <message>
        <location line="+4" />
        <source>cannot rename %1 into place</source>
        <translation>kann %1 nicht an seinen Platz umbenennen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: the file name %2 would leave the cache folder</source>
        <translation>%1: der Dateiname %2 würde den Cache-Ordner verlassen</translation>
    </message>
    <message>
        <location line="+9" />
        <source>cannot create %1</source>
        <translation>kann %1 nicht anlegen</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 is not in the cache %2, and HF_HUB_OFFLINE is set</source>
        <translation>%1 ist nicht im Cache %2, und HF_HUB_OFFLINE ist gesetzt</translation>
    </message>
    <message>
        <location line="+9" />
        <source>cannot write to %1</source>
        <translation>kann nicht nach %1 schreiben</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 has no weights ViTScope can open (model.safetensors or pytorch_model.bin)</source>
        <translation>%1 hat keine Gewichte, die ViTScope öffnen kann (model.safetensors oder pytorch_model.bin)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot read %1</source>
        <translation>kann %1 nicht lesen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2 is no valid shard index, or names a file outside the repo</source>
        <translation>%1: %2 ist kein gültiger Shard-Index oder nennt eine Datei außerhalb des Repositorys</translation>
    </message>
</context>
</TS>