<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../ui/io/languagemanager.cpp" line="+21" />
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Shortcut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+31" />
        <source>Look inside Vision Transformers: predicted classes and the attention of every layer and head.</source>
        <translation>Look inside Vision Transformers: predicted classes and the attention of every layer and head.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Interface language, e.g. zh_CN or en.</source>
        <translation>Interface language, e.g. zh_CN or en.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checkpoint folder, .safetensors file or ORG/NAME[@REV] from the Hugging Face hub (default: the built-in shapes model).</source>
        <translation>Checkpoint folder, .safetensors file or ORG/NAME[@REV] from the Hugging Face hub (default: the built-in shapes model).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Picture to open.</source>
        <translation>Picture to open.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No translation for %1; available: %2</source>
        <translation>No translation for %1; available: %2</translation>
    </message>
</context>
<context>
    <name>vitscope::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="+47" />
        <source>About ViTScope</source>
        <translation>About ViTScope</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>OpenMP %1 (up to %n thread(s))</source>
        <translation>
            <numerusform>OpenMP %1 (up to %n thread)</numerusform>
            <numerusform>OpenMP %1 (up to %n threads)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>OpenMP not available: running on one thread</source>
        <translation>OpenMP not available: running on one thread</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A look inside Vision Transformers: class predictions and the attention of every layer and head over the image patches.</source>
        <translation>A look inside Vision Transformers: class predictions and the attention of every layer and head over the image patches.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Built with Qt %1, running on Qt %2</translation>
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
        <translation>ViTScope is free software under the MIT licence.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The sample photographs come from scikit-image's data set and are in the public domain (NASA, SpaceX) or CC0 (the cat and the coffee cup); the shapes pictures and the built-in model are ViTScope's own. See resources/samples/LICENSES.md. Qt is used under the LGPL version 3, Eigen under the MPL 2.0.</source>
        <translation>The sample photographs come from scikit-image's data set and are in the public domain (NASA, SpaceX) or CC0 (the cat and the coffee cup); the shapes pictures and the built-in model are ViTScope's own. See resources/samples/LICENSES.md. Qt is used under the LGPL version 3, Eigen under the MPL 2.0.</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionControls</name>
    <message>
        <location filename="../ui/attentioncontrols.cpp" line="+215" />
        <source>What to show</source>
        <translation>What to show</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View:</source>
        <translation>&amp;View:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attention of one layer</source>
        <translation>Attention of one layer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rollout through all layers</source>
        <translation>Rollout through all layers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Class attribution</source>
        <translation>Class attribution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The transformer is a stack of layers; each one lets every token gather information from the others. Early layers tend to look nearby, later ones at whole objects. Counted from 0, as in PyTorch. Keys: Page Up/Page Down or [ and ].</source>
        <translation>The transformer is a stack of layers; each one lets every token gather information from the others. Early layers tend to look nearby, later ones at whole objects. Counted from 0, as in PyTorch. Keys: Page Up/Page Down or [ and ].</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Head:</source>
        <translation>&amp;Head:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Each layer has several attention heads that look at the picture independently, each with its own idea of what matters. "All heads" combines them as "Combine heads by" says: the mean, or per patch the strongest (max) or weakest (min).</source>
        <translation>Each layer has several attention heads that look at the picture independently, each with its own idea of what matters. "All heads" combines them as "Combine heads by" says: the mean, or per patch the strongest (max) or weakest (min).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Query token:</source>
        <translation>&amp;Query token:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The token whose attention is shown: the map says where this token looks. The class token collects what the classifier uses for its answer. Click a patch on the picture to see where that patch looks.</source>
        <translation>The token whose attention is shown: the map says where this token looks. The class token collects what the classifier uses for its answer. Click a patch on the picture to see where that patch looks.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Combining heads</source>
        <translation>Combining heads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Combine heads by:</source>
        <translation>&amp;Combine heads by:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How the heads of a layer are combined into one map, for "All heads" and for rollout.</source>
        <translation>How the heads of a layer are combined into one map, for "All heads" and for rollout.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Discard ratio:</source>
        <translation>&amp;Discard ratio:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rollout only: this fraction of the weakest attention in each layer is set to zero before the layers are combined, which sharpens the map.</source>
        <translation>Rollout only: this fraction of the weakest attention in each layer is set to zero before the layers are combined, which sharpens the map.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Colormap:</source>
        <translation>&amp;Colormap:</translation>
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
        <translation>Gray</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Colours from low to high attention, as in matplotlib.</source>
        <translation>Colours from low to high attention, as in matplotlib.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scale:</source>
        <translation>&amp;Scale:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shared by the layer's heads</source>
        <translation>Shared by the layer's heads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Per head</source>
        <translation>Per head</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shared: all heads of a layer use one range of values, so their colours can be compared.
Per head: each map uses its own lowest and highest value, which shows the shape of weak heads too.</source>
        <translation>Shared: all heads of a layer use one range of values, so their colours can be compared.
Per head: each map uses its own lowest and highest value, which shows the shape of weak heads too.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Opacity:</source>
        <translation>&amp;Opacity:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How strongly the map covers the picture.</source>
        <translation>How strongly the map covers the picture.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Upsampling:</source>
        <translation>&amp;Upsampling:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Patch blocks</source>
        <translation>Patch blocks</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Smooth</source>
        <translation>Smooth</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch blocks show one colour per patch, exactly what the model computed; smooth blends between patch centres.</source>
        <translation>Patch blocks show one colour per patch, exactly what the model computed; smooth blends between patch centres.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show patch &amp;grid</source>
        <translation>Show patch &amp;grid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lines between the patches the model cuts the picture into.</source>
        <translation>Lines between the patches the model cuts the picture into.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>All heads</source>
        <translation>All heads</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Head %1</source>
        <translation>Head %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Class token [CLS]</source>
        <translation>Class token [CLS]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distillation token</source>
        <translation>Distillation token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Register token %1</source>
        <translation>Register token %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Picked patch (row %1, column %2)</source>
        <translation>Picked patch (row %1, column %2)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Class attribution needs a classifier head, and this model has none: it describes pictures by features, not by classes.</source>
        <translation>Class attribution needs a classifier head, and this model has none: it describes pictures by features, not by classes.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Attention: where one token looks in one layer.
Rollout: follows attention through all layers (with the skip connections) to estimate which patches the class token draws on in the end.
Class attribution: which patches made the model give the selected class (in Predictions) its score: every layer's attention, weighted by how much it raises that score (Chefer et al. 2021).</source>
        <translation>Attention: where one token looks in one layer.
Rollout: follows attention through all layers (with the skip connections) to estimate which patches the class token draws on in the end.
Class attribution: which patches made the model give the selected class (in Predictions) its score: every layer's attention, weighted by how much it raises that score (Chefer et al. 2021).</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Class: none selected</source>
        <translation>Class: none selected</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Class: %1 (%2)</source>
        <translation>Class: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Class: %1 (%2), the most probable</source>
        <translation>Class: %1 (%2), the most probable</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionPanel</name>
    <message>
        <location filename="../ui/attentionpanel.cpp" line="+155" />
        <source>Overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The picture with the chosen map over its patches. Click a patch to see what it looks at; Ctrl+wheel zooms, dragging pans.</source>
        <translation>The picture with the chosen map over its patches. Click a patch to see what it looks at; Ctrl+wheel zooms, dragging pans.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every head of the chosen layer side by side. Click one to select it.</source>
        <translation>Every head of the chosen layer side by side. Click one to select it.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layers x Heads</source>
        <translation>Layers x Heads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every layer (rows) and head (columns) at once, for the same query token. Click a tile to select that layer and head.</source>
        <translation>Every layer (rows) and head (columns) at once, for the same query token. Click a tile to select that layer and head.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How it works</source>
        <translation>How it works</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How a ViT turns this picture into an answer, step by step, for teaching. Ctrl+wheel or Ctrl++ and Ctrl+- change the text size.</source>
        <translation>How a ViT turns this picture into an answer, step by step, for teaching. Ctrl+wheel or Ctrl++ and Ctrl+- change the text size.</translation>
    </message>
    <message>
        <location line="+135" />
        <source>relevance for %1, all heads of layer %2</source>
        <translation>relevance for %1, all heads of layer %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relevance for %1 in layer %2; each layer has its own scale</source>
        <translation>relevance for %1 in layer %2; each layer has its own scale</translation>
    </message>
    <message>
        <location filename="../ui/attentionpanelselection.cpp" line="+54" />
        <source>the map has %1 values for %2 patches</source>
        <translation>the map has %1 values for %2 patches</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the heads' maps have %1 values for %2 layers x heads x patches</source>
        <translation>the heads' maps have %1 values for %2 layers x heads x patches</translation>
    </message>
    <message>
        <location line="+47" />
        <source>class %1</source>
        <translation>class %1</translation>
    </message>
    <message>
        <location filename="../ui/attentionpanel.cpp" line="-94" />
        <source>Open a picture and a model to see where the model looks.</source>
        <translation>Open a picture and a model to see where the model looks.</translation>
    </message>
    <message>
        <location line="-17" />
        <source>the class token</source>
        <translation>the class token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the distillation token</source>
        <translation>the distillation token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the patch in row %1, column %2</source>
        <translation>the patch in row %1, column %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>register token %1</source>
        <translation>register token %1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>mean</source>
        <translation>mean</translation>
    </message>
    <message>
        <location line="+0" />
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location line="+0" />
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Attention rollout of the class token through all %1 layers, heads fused by %2, discard ratio %3.</source>
        <translation>Attention rollout of the class token through all %1 layers, heads fused by %2, discard ratio %3.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No rollout: %1</source>
        <translation>No rollout: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Class attribution for %1: the patches whose attention raised the score of this class, through all %2 layers (gradients times attention, Chefer et al. 2021).</source>
        <translation>Class attribution for %1: the patches whose attention raised the score of this class, through all %2 layers (gradients times attention, Chefer et al. 2021).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No class attribution for %1: %2</source>
        <translation>No class attribution for %1: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Computing the class attribution for %1…</source>
        <translation>Computing the class attribution for %1…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The class attribution for %1 was stopped. Pick the class again or run the model again to compute it.</source>
        <translation>The class attribution for %1 was stopped. Pick the class again or run the model again to compute it.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>all heads fused by %1</source>
        <translation>all heads fused by %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>head %1</source>
        <translation>head %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layer %1, %2: where %3 looks.</source>
        <translation>Layer %1, %2: where %3 looks.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>rollout</source>
        <translation>rollout</translation>
    </message>
    <message>
        <location line="-2" />
        <source>attention weight</source>
        <translation>attention weight</translation>
    </message>
    <message>
        <location line="+4" />
        <source>relevance for %1</source>
        <translation>relevance for %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>attention weight, all heads of layer %1</source>
        <translation>attention weight, all heads of layer %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>attention weight of layer %1; each layer has its own scale</source>
        <translation>attention weight of layer %1; each layer has its own scale</translation>
    </message>
    <message>
        <location line="+4" />
        <source>each map on its own scale; shown: the selected map</source>
        <translation>each map on its own scale; shown: the selected map</translation>
    </message>
    <message>
        <location line="+49" />
        <source>This result holds no attention maps to show.</source>
        <translation>This result holds no attention maps to show.</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Layer %1, query: %2</source>
        <translation>Layer %1, query: %2</translation>
    </message>
</context>
<context>
    <name>vitscope::AttentionView</name>
    <message>
        <location filename="../ui/attentionview.cpp" line="+216" />
        <source>Open a picture and a model to see where the model looks.</source>
        <translation>Open a picture and a model to see where the model looks.</translation>
    </message>
    <message>
        <location line="+124" />
        <source>Patch row %1, column %2
Attention %3</source>
        <translation>Patch row %1, column %2
Attention %3</translation>
    </message>
</context>
<context>
    <name>vitscope::CuratedModels</name>
    <message>
        <location filename="../ui/curatedmodels.cpp" line="+11" />
        <source>ViT-B/16, ImageNet-21k then ImageNet-1k classes: the original ViT</source>
        <translation>ViT-B/16, ImageNet-21k then ImageNet-1k classes: the original ViT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ViT-L/16, ImageNet-1k classes: 24 layers, 16 heads</source>
        <translation>ViT-L/16, ImageNet-1k classes: 24 layers, 16 heads</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DeiT tiny with a distillation token, ImageNet-1k classes: small and fast</source>
        <translation>DeiT tiny with a distillation token, ImageNet-1k classes: small and fast</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DeiT base with a distillation token at 384 × 384, ImageNet-1k classes</source>
        <translation>DeiT base with a distillation token at 384 × 384, ImageNet-1k classes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DINO ViT-S/8, self-supervised: striking attention maps, no classes</source>
        <translation>DINO ViT-S/8, self-supervised: striking attention maps, no classes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINO ViT-B/16, self-supervised, no classes</source>
        <translation>DINO ViT-B/16, self-supervised, no classes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINOv2 ViT-S/14, self-supervised, no classes</source>
        <translation>DINOv2 ViT-S/14, self-supervised, no classes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DINOv2 ViT-S/14 with four register tokens, no classes</source>
        <translation>DINOv2 ViT-S/14 with four register tokens, no classes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT-S/16 (AugReg), ImageNet-1k classes</source>
        <translation>timm ViT-S/16 (AugReg), ImageNet-1k classes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timm ViT-B/14 DINOv2 with four register tokens, no classes</source>
        <translation>timm ViT-B/14 DINOv2 with four register tokens, no classes</translation>
    </message>
</context>
<context>
    <name>vitscope::DrawTab</name>
    <message>
        <location filename="../ui/drawtab.cpp" line="+310" />
        <source>The model took %1 ms.</source>
        <translation>The model took %1 ms.</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+4" />
        <source>Export Drawing</source>
        <translation>Export Drawing</translation>
    </message>
    <message>
        <location line="-4" />
        <source>drawing.png</source>
        <translation>drawing.png</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images (*.png *.jpg *.bmp)</source>
        <translation>Images (*.png *.jpg *.bmp)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Brush</source>
        <translation>&amp;Brush</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw strokes with the brush colour</source>
        <translation>Draw strokes with the brush colour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F&amp;ill</source>
        <translation>F&amp;ill</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fill the closed outline you click into with the brush colour</source>
        <translation>Fill the closed outline you click into with the brush colour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Eraser</source>
        <translation>&amp;Eraser</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rub out strokes down to the background</source>
        <translation>Rub out strokes down to the background</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Colour…</source>
        <translation>&amp;Colour…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brush colour</source>
        <translation>Brush colour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Si&amp;ze:</source>
        <translation>Si&amp;ze:</translation>
    </message>
    <message>
        <location line="+1" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brush and eraser width in pixels of the %1 × %1 sheet</source>
        <translation>Brush and eraser width in pixels of the %1 × %1 sheet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back&amp;ground:</source>
        <translation>Back&amp;ground:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plain</source>
        <translation>Plain</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Background colour</source>
        <translation>Background colour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Second colour of the gradient</source>
        <translation>Second colour of the gradient</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the drawing as a picture</source>
        <translation>Save the drawing as a picture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use as &amp;Picture</source>
        <translation>Use as &amp;Picture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the drawing in the attention view</source>
        <translation>Show the drawing in the attention view</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show &amp;attention (rollout)</source>
        <translation>Show &amp;attention (rollout)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Load a model to see what it makes of the drawing.</source>
        <translation>Load a model to see what it makes of the drawing.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Draw on the sheet: the model answers as you draw.</source>
        <translation>Draw on the sheet: the model answers as you draw.</translation>
    </message>
</context>
<context>
    <name>vitscope::ErrorText</name>
    <message>
        <location filename="../ui/errortext.cpp" line="+28" />
        <source> (line %1, column %2)</source>
        <translation> (line %1, column %2)</translation>
    </message>
</context>
<context>
    <name>vitscope::ExportFigureDialog</name>
    <message>
        <location filename="../ui/exportfiguredialog.cpp" line="+112" />
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SVG drawings (*.svg)</source>
        <translation>SVG drawings (*.svg)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+23" />
        <source>Export Figure</source>
        <translation>Export Figure</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PNG image</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SVG drawing</source>
        <translation>SVG drawing</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scale:</source>
        <translation>&amp;Scale:</translation>
    </message>
    <message>
        <location line="+1" />
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pixels of the PNG per layout unit: 2 for slides, 4 for print</source>
        <translation>Pixels of the PNG per layout unit: 2 for slides, 4 for print</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Caption:</source>
        <translation>&amp;Caption:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Optional text below the figure</source>
        <translation>Optional text below the figure</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 × %2 points</source>
        <translation>%1 × %2 points</translation>
    </message>
</context>
<context>
    <name>vitscope::Exporter</name>
    <message>
        <location filename="../ui/exporter.cpp" line="+29" />
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+66" />
        <source>there is nothing to export yet</source>
        <translation>there is nothing to export yet</translation>
    </message>
    <message>
        <location line="+8" />
        <source>PNG encoding failed</source>
        <translation>PNG encoding failed</translation>
    </message>
    <message>
        <location line="+13" />
        <source>there are no attentions to export</source>
        <translation>there are no attentions to export</translation>
    </message>
    <message>
        <location line="+12" />
        <source>there is no map to export yet</source>
        <translation>there is no map to export yet</translation>
    </message>
    <message>
        <location line="-54" />
        <source>cannot replace the file</source>
        <translation>cannot replace the file</translation>
    </message>
</context>
<context>
    <name>vitscope::Figure</name>
    <message>
        <location filename="../ui/render/figure.cpp" line="+112" />
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+118" />
        <source>the name must end in .png, .svg or .pdf</source>
        <translation>the name must end in .png, .svg or .pdf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>there is nothing to export yet</source>
        <translation>there is nothing to export yet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the scale must lie between 0 and 16</source>
        <translation>the scale must lie between 0 and 16</translation>
    </message>
    <message>
        <location line="+13" />
        <source>drawing failed</source>
        <translation>drawing failed</translation>
    </message>
</context>
<context>
    <name>vitscope::HeadGridView</name>
    <message>
        <location filename="../ui/headgridview.cpp" line="+65" />
        <source>Head %1</source>
        <translation>Head %1</translation>
    </message>
    <message>
        <location line="+66" />
        <source>No heads to show yet.</source>
        <translation>No heads to show yet.</translation>
    </message>
    <message>
        <location line="+122" />
        <source>Head %1: click to show it over the picture</source>
        <translation>Head %1: click to show it over the picture</translation>
    </message>
</context>
<context>
    <name>vitscope::HowItWorksView</name>
    <message>
        <location filename="../ui/howitworksview.cpp" line="+129" />
        <source>class %1</source>
        <translation>class %1</translation>
    </message>
    <message>
        <location line="+258" />
        <source>Cannot draw this step: %1</source>
        <translation>Cannot draw this step: %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The picture the model saw is not at hand.</source>
        <translation>The picture the model saw is not at hand.</translation>
    </message>
    <message>
        <location line="+69" />
        <source>How a Vision Transformer reads a picture</source>
        <translation>How a Vision Transformer reads a picture</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open a picture and a model: this page then shows, step by step, how the model turns the picture into an answer, with the numbers of that run.</source>
        <translation>Open a picture and a model: this page then shows, step by step, how the model turns the picture into an answer, with the numbers of that run.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 on %2. Every picture on this page is drawn from this run and this model's weights; switching here never runs the model again.</source>
        <translation>%1 on %2. Every picture on this page is drawn from this run and this model's weights; switching here never runs the model again.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>what the model sees</source>
        <translation>what the model sees</translation>
    </message>
    <message>
        <location line="+0" />
        <source>cut into patches</source>
        <translation>cut into patches</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cut the picture into patches</source>
        <translation>Cut the picture into patches</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First the picture is scaled to the size the model expects (%1 × %2 pixels). Then it is cut into small squares, like tiles: the patches. The model never looks at single pixels, only at patches.</source>
        <translation>First the picture is scaled to the size the model expects (%1 × %2 pixels). Then it is cut into small squares, like tiles: the patches. The model never looks at single pixels, only at patches.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 × %2 = %3 patches of %4 × %4 pixels; each patch is %5 numbers (%6 colour channels × %4 × %4).</source>
        <translation>%1 × %2 = %3 patches of %4 × %4 pixels; each patch is %5 numbers (%6 colour channels × %4 × %4).</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Turn each patch into a token (patch embedding)</source>
        <translation>Turn each patch into a token (patch embedding)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each patch's %1 numbers are multiplied by one learned matrix, which turns them into %2 numbers: the patch's token. Each of the %2 outputs is a weighted sum of the patch's pixels, a filter that responds to one pattern. The pictures show the main patterns these %2 filters are built from (their principal components, as in the ViT paper): what the model looks for in a patch, such as brightness, colour and edges.</source>
        <translation>Each patch's %1 numbers are multiplied by one learned matrix, which turns them into %2 numbers: the patch's token. Each of the %2 outputs is a weighted sum of the patch's pixels, a filter that responds to one pattern. The pictures show the main patterns these %2 filters are built from (their principal components, as in the ViT paper): what the model looks for in a patch, such as brightness, colour and edges.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The %1 main patterns, most important first; the percentage says how much of the differences between the filters each one explains.</source>
        <translation>The %1 main patterns, most important first; the percentage says how much of the differences between the filters each one explains.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>A token does not know where its patch was. So the model adds a learned position vector to each patch token. Each of the small squares belongs to one patch position (row, column) and shows how similar its position vector is to those of all other positions: yellow is alike, dark is different. In models trained on many photographs, neighbours and patches in the same row or column come out alike: the model learns the layout of the grid by itself. A small model trained on simple pictures may learn a coarser layout.</source>
        <translation>A token does not know where its patch was. So the model adds a learned position vector to each patch token. Each of the small squares belongs to one patch position (row, column) and shows how similar its position vector is to those of all other positions: yellow is alike, dark is different. In models trained on many photographs, neighbours and patches in the same row or column come out alike: the model learns the layout of the grid by itself. A small model trained on simple pictures may learn a coarser layout.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This model learned its positions on a %1 × %2 grid; for this run's %3 × %4 grid they were stretched to fit (interpolated).</source>
        <translation>This model learned its positions on a %1 × %2 grid; for this run's %3 × %4 grid they were stretched to fit (interpolated).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>cosine similarity</source>
        <translation>cosine similarity</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add where each patch sits (position embedding)</source>
        <translation>Add where each patch sits (position embedding)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 × %2 positions, each compared with all %3.</source>
        <translation>%1 × %2 positions, each compared with all %3.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>1 class token</source>
        <translation>1 class token</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In front of the patch tokens goes one more token that belongs to no patch: the class token [CLS]. It starts as the same learned vector for every picture; its job is to collect from all patches what the answer needs.</source>
        <translation>In front of the patch tokens goes one more token that belongs to no patch: the class token [CLS]. It starts as the same learned vector for every picture; its job is to collect from all patches what the answer needs.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This model has no class token: it works on the patch tokens only.</source>
        <translation>This model has no class token: it works on the patch tokens only.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 distillation token</source>
        <translation>1 distillation token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Beside it sits a distillation token [DIST], trained to agree with a teacher model.</source>
        <translation>Beside it sits a distillation token [DIST], trained to agree with a teacher model.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n register token(s)</source>
        <translation>
            <numerusform>%n register token</numerusform>
            <numerusform>%n register tokens</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The register tokens [REG] are scratch space: the model may store what it needs there, and they are not part of the answer.</source>
        <translation>The register tokens [REG] are scratch space: the model may store what it needs there, and they are not part of the answer.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>For its answer, this model averages the patch tokens instead of reading one token.</source>
        <translation>For its answer, this model averages the patch tokens instead of reading one token.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From here on the transformer works on one sequence of %1 tokens, each a list of %2 numbers.</source>
        <translation>From here on the transformer works on one sequence of %1 tokens, each a list of %2 numbers.</translation>
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
            <numerusform>%n patch token</numerusform>
            <numerusform>%n patch tokens</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>The sequence: class token and patch tokens</source>
        <translation>The sequence: class token and patch tokens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 + %2 patches = %3 tokens, each %4 numbers.</source>
        <translation>%1 + %2 patches = %3 tokens, each %4 numbers.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 tokens, each %2 numbers.</source>
        <translation>%1 tokens, each %2 numbers.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>layer</source>
        <translation>layer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mean attention distance (pixels)</source>
        <translation>mean attention distance (pixels)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>one dot per head</source>
        <translation>one dot per head</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mean of the heads</source>
        <translation>mean of the heads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Multi-head self-attention, layer by layer</source>
        <translation>Multi-head self-attention, layer by layer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The model has %1 layers, and each has two parts. In multi-head self-attention, every token compares itself with every other token; a softmax turns these scores into weights that add up to 1, and the token takes in the others' information by those weights. %2 heads do this side by side, each looking for something else. Then a small neural network, the MLP, works on each token on its own.

The plot shows how far each head looks, on average, from a patch to the patches it attends to (the ViT paper's mean attention distance). Low dots look at their neighbours, like a convolution; high dots take in the whole picture. Early layers usually do both; later layers mostly look far.</source>
        <translation>The model has %1 layers, and each has two parts. In multi-head self-attention, every token compares itself with every other token; a softmax turns these scores into weights that add up to 1, and the token takes in the others' information by those weights. %2 heads do this side by side, each looking for something else. Then a small neural network, the MLP, works on each token on its own.

The plot shows how far each head looks, on average, from a patch to the patches it attends to (the ViT paper's mean attention distance). Low dots look at their neighbours, like a convolution; high dots take in the whole picture. Early layers usually do both; later layers mostly look far.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Counted from 0, as in the other tabs; %1 pixels is the distance between neighbouring patches.</source>
        <translation>Counted from 0, as in the other tabs; %1 pixels is the distance between neighbouring patches.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>input</source>
        <translation>input</translation>
    </message>
    <message>
        <location filename="../ui/readoutsummary.cpp" line="+37" />
        <source>Already at the input the top class is %1, and it stays on top after every layer.</source>
        <translation>Already at the input the top class is %1, and it stays on top after every layer.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only after the last layer does %1 come out on top.</source>
        <translation>Only after the last layer does %1 come out on top.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>After layer %1, %2 comes out on top and stays there.</source>
        <translation>After layer %1, %2 comes out on top and stays there.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At the input, %1 is already the top class.</source>
        <translation>At the input, %1 is already the top class.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 first comes out on top after layer %2.</source>
        <translation>%1 first comes out on top after layer %2.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>It loses the lead after layer %1 and only takes it back after the last layer.</source>
        <translation>It loses the lead after layer %1 and only takes it back after the last layer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>It loses the lead after layer %1 and takes it back after layer %2, for good.</source>
        <translation>It loses the lead after layer %1 and takes it back after layer %2, for good.</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>It loses the lead %n time(s) and only takes it back for good after the last layer.</source>
        <translation>
            <numerusform>It loses the lead %n time and only takes it back for good after the last layer.</numerusform>
            <numerusform>It loses the lead %n times and only takes it back for good after the last layer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>It loses the lead %n time(s) and takes it back for good after layer %1.</source>
        <translation>
            <numerusform>It loses the lead %n time and takes it back for good after layer %1.</numerusform>
            <numerusform>It loses the lead %n times and takes it back for good after layer %1.</numerusform>
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
        <translation>after layer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>probability of %1</source>
        <translation>probability of %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This model has no classifier: it describes pictures by features, not by classes, so there is no answer to follow through the layers.</source>
        <translation>This model has no classifier: it describes pictures by features, not by classes, so there is no answer to follow through the layers.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>What would the model answer if it stopped early? Here the final norm and the classifier are applied to the tokens after each layer, as if it were the last (the "logit lens"). The line shows the probability of the final answer, %1, at each step. The classifier was trained on the last layer's output only, so early values are a rough look, not the model's opinion.</source>
        <translation>What would the model answer if it stopped early? Here the final norm and the classifier are applied to the tokens after each layer, as if it were the last (the "logit lens"). The line shows the probability of the final answer, %1, at each step. The classifier was trained on the last layer's output only, so early values are a rough look, not the model's opinion.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>How the answer forms through the layers</source>
        <translation>How the answer forms through the layers</translation>
    </message>
    <message>
        <location line="+12" />
        <source>This model has no classifier, so it gives no scores and no probabilities: its output is the %1 numbers of each token, for other programs to use.</source>
        <translation>This model has no classifier, so it gives no scores and no probabilities: its output is the %1 numbers of each token, for other programs to use.</translation>
    </message>
    <message numerus="yes">
        <location line="+20" />
        <source>the other %n class(es)</source>
        <translation>
            <numerusform>the other %n class</numerusform>
            <numerusform>the other %n classes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>score (logit)</source>
        <translation>score (logit)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>probability</source>
        <translation>probability</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The classifier gives each of the %1 classes a score, the logit. Softmax turns the scores into probabilities: e to the power of each score, divided by the sum of these over all classes. The probabilities are all positive and add up to 100 %. A class that leads by a few points in score leads by far more in probability: softmax makes the winner stand out.</source>
        <translation>The classifier gives each of the %1 classes a score, the logit. Softmax turns the scores into probabilities: e to the power of each score, divided by the sum of these over all classes. The probabilities are all positive and add up to 100 %. A class that leads by a few points in score leads by far more in probability: softmax makes the winner stand out.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Softmax: from scores to probabilities</source>
        <translation>Softmax: from scores to probabilities</translation>
    </message>
</context>
<context>
    <name>vitscope::HubDownloader</name>
    <message>
        <location filename="../ui/hubdownloader.cpp" line="+80" />
        <source>not enough memory</source>
        <translation>not enough memory</translation>
    </message>
</context>
<context>
    <name>vitscope::ImageIO</name>
    <message>
        <location filename="../ui/io/imageio.cpp" line="+26" />
        <source>Cannot load %1: %2</source>
        <translation>Cannot load %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/io/heifimage.cpp" line="+50" />
        <location filename="../ui/io/imageio.cpp" line="+5" />
        <source>the picture is %1 × %2 pixels, more than the %3 megapixels ViTScope opens</source>
        <translation>the picture is %1 × %2 pixels, more than the %3 megapixels ViTScope opens</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the file holds no picture</source>
        <translation>the file holds no picture</translation>
    </message>
</context>
<context>
    <name>vitscope::InferenceWorker</name>
    <message>
        <location filename="../ui/inferenceworker.cpp" line="+57" />
        <source>Not enough memory to run the model on this image.</source>
        <translation>Not enough memory to run the model on this image.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Not enough memory for the class attribution of this image.</source>
        <translation>Not enough memory for the class attribution of this image.</translation>
    </message>
</context>
<context>
    <name>vitscope::LanguageMenu</name>
    <message>
        <location filename="../ui/languagemenu.cpp" line="+36" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>vitscope::LayerOverview</name>
    <message>
        <location filename="../ui/layeroverview.cpp" line="+61" />
        <location line="+52" />
        <location line="+60" />
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <location line="-65" />
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No layers to show yet.</source>
        <translation>No layers to show yet.</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Layer %1, head %2: click to select</source>
        <translation>Layer %1, head %2: click to select</translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+115" />
        <source>not enough memory for this model</source>
        <translation>not enough memory for this model</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+274" />
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+385" />
        <source>&amp;Open Image…</source>
        <translation>&amp;Open Image…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open a picture to classify and inspect</source>
        <translation>Open a picture to classify and inspect</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Model Folder…</source>
        <translation>Open &amp;Model Folder…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open Model &amp;File…</source>
        <translation>Open Model &amp;File…</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Open a checkpoint folder (config.json and model.safetensors or pytorch_model.bin)</source>
        <translation>Open a checkpoint folder (config.json and model.safetensors or pytorch_model.bin)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+81" />
        <source>Circle</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross</source>
        <translation>Cross</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Square</source>
        <translation>Square</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Star</source>
        <translation>Star</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Triangle</source>
        <translation>Triangle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Astronaut (Eileen Collins)</source>
        <translation>Astronaut (Eileen Collins)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cat (Chelsea)</source>
        <translation>Cat (Chelsea)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cup of coffee</source>
        <translation>Cup of coffee</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rocket launch</source>
        <translation>Rocket launch</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-301" />
        <source>%1 is not on this computer yet: Download in the Models dialog fetches it</source>
        <translation>%1 is not on this computer yet: Download in the Models dialog fetches it</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+1" />
        <source>Open a lone checkpoint file (.safetensors, .bin, .pth)</source>
        <translation>Open a lone checkpoint file (.safetensors, .bin, .pth)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open Model from &amp;Hub…</source>
        <translation>Open Model from &amp;Hub…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download a model from the Hugging Face hub, or open one already on this computer</source>
        <translation>Download a model from the Hugging Face hub, or open one already on this computer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Paste Image</source>
        <translation>&amp;Paste Image</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Use the picture on the clipboard</source>
        <translation>Use the picture on the clipboard</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Forget the recently opened images and models</source>
        <translation>Forget the recently opened images and models</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Figure…</source>
        <translation>Export &amp;Figure…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the current view with its title, colour scale and a caption as PNG, SVG or PDF</source>
        <translation>Save the current view with its title, colour scale and a caption as PNG, SVG or PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Copy the current view with its title and colour scale as an image</source>
        <translation>Copy the current view with its title and colour scale as an image</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Print the current view with its title and colour scale</source>
        <translation>Print the current view with its title and colour scale</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Print Pre&amp;view…</source>
        <translation>Print Pre&amp;view…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show how the current view will look on paper</source>
        <translation>Show how the current view will look on paper</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Overlay PNG…</source>
        <translation>Export &amp;Overlay PNG…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the picture with the current attention map at full resolution</source>
        <translation>Save the picture with the current attention map at full resolution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Head Grid PNG…</source>
        <translation>Export &amp;Head Grid PNG…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every head of the current layer as one PNG</source>
        <translation>Save every head of the current layer as one PNG</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;Attentions (.npy)…</source>
        <translation>Export &amp;Attentions (.npy)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save every layer's and head's attention as a NumPy array (layers, heads, tokens, tokens)</source>
        <translation>Save every layer's and head's attention as a NumPy array (layers, heads, tokens, tokens)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Current &amp;Map (.npy)…</source>
        <translation>Export Current &amp;Map (.npy)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the values of the map shown over the picture as a NumPy array (rows, columns of patches)</source>
        <translation>Save the values of the map shown over the picture as a NumPy array (rows, columns of patches)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Predictions as &amp;JSON…</source>
        <translation>Export Predictions as &amp;JSON…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every class with its probability as JSON</source>
        <translation>Save every class with its probability as JSON</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Predictions as &amp;CSV…</source>
        <translation>Export Predictions as &amp;CSV…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save every class with its probability as CSV</source>
        <translation>Save every class with its probability as CSV</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Leave ViTScope</source>
        <translation>Leave ViTScope</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Session…</source>
        <translation>Open &amp;Session…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open a saved session: its model, picture and view settings</source>
        <translation>Open a saved session: its model, picture and view settings</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sa&amp;ve Session…</source>
        <translation>Sa&amp;ve Session…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the model, the picture and the view settings to a .vitscope file</source>
        <translation>Save the model, the picture and the view settings to a .vitscope file</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Restore Last Session at Start</source>
        <translation>&amp;Restore Last Session at Start</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with the model, picture and view settings of the last session, when its files still exist</source>
        <translation>Start with the model, picture and view settings of the last session, when its files still exist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every shortcut of ViTScope in one list</source>
        <translation>Every shortcut of ViTScope in one list</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset &amp;View Settings</source>
        <translation>Reset &amp;View Settings</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the first layer, all heads, the class token and the default colours</source>
        <translation>Back to the first layer, all heads, the class token and the default colours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enlarge the picture</source>
        <translation>Enlarge the picture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shrink the picture</source>
        <translation>Shrink the picture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fit to Window</source>
        <translation>&amp;Fit to Window</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show the whole picture</source>
        <translation>Show the whole picture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Actual Size</source>
        <translation>&amp;Actual Size</translation>
    </message>
    <message>
        <location line="+1" />
        <source>One picture pixel per screen pixel; again to fit the window</source>
        <translation>One picture pixel per screen pixel; again to fit the window</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Run the model on the picture again</source>
        <translation>Run the model on the picture again</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stop the run in progress</source>
        <translation>Stop the run in progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Default Model</source>
        <translation>&amp;Default Model</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go back to the built-in shapes model</source>
        <translation>Go back to the built-in shapes model</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About ViTScope</source>
        <translation>&amp;About ViTScope</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Versions and licences</source>
        <translation>Versions and licences</translation>
    </message>
    <message>
        <location line="+1" />
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The Qt toolkit's version and licence</source>
        <translation>The Qt toolkit's version and licence</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Samples</source>
        <translation>&amp;Samples</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open one of the built-in sample pictures</source>
        <translation>Open one of the built-in sample pictures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the overlay, head grid, attentions, current map or predictions</source>
        <translation>Save the overlay, head grid, attentions, current map or predictions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Predictions</source>
        <translation>Predictions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+1" />
        <source>View Settings</source>
        <translation>View Settings</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Research</source>
        <translation>Research</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Progress of the current load, run or class attribution</source>
        <translation>Progress of the current load, run or class attribution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>layer %v of %m</source>
        <translation>layer %v of %m</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time the last run took</source>
        <translation>Time the last run took</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The built-in model knows only shapes. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</source>
        <translation>The built-in model knows only shapes. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</translation>
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
        <translation>Models</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowui.cpp" line="+34" />
        <source>Shapes, for the built-in model</source>
        <translation>Shapes, for the built-in model</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Photos, for a real model</source>
        <translation>Photos, for a real model</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The built-in model knows only six shapes. Get a real model…</source>
        <translation>The built-in model knows only six shapes. Get a real model…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-370" />
        <source>drawing</source>
        <translation>drawing</translation>
    </message>
    <message>
        <location line="+92" />
        <source>Loading %1…</source>
        <translation>Loading %1…</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Opened %1 (%2 × %3)</source>
        <translation>Opened %1 (%2 × %3)</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+49" />
        <source>Cannot load %1: %2</source>
        <translation>Cannot load %1: %2</translation>
    </message>
    <message>
        <location line="-49" />
        <source>the picture is empty</source>
        <translation>the picture is empty</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Loading the default model…</source>
        <translation>Loading the default model…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loading model %1…</source>
        <translation>Loading model %1…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>the default model</source>
        <translation>the default model</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Loaded model %1</source>
        <translation>Loaded model %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Number of Heads</source>
        <translation>Number of Heads</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How many attention heads does each layer of this model have?</source>
        <translation>How many attention heads does each layer of this model have?</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Shapes ViT (built-in)</source>
        <translation>Shapes ViT (built-in)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Open Image</source>
        <translation>Open Image</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open Model Folder</source>
        <translation>Open Model Folder</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Open Model File</source>
        <translation>Open Model File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checkpoints (*.safetensors *.bin *.pth *.pt)</source>
        <translation>Checkpoints (*.safetensors *.bin *.pth *.pt)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>pasted image</source>
        <translation>pasted image</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The clipboard holds no picture.</source>
        <translation>The clipboard holds no picture.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>dropped image</source>
        <translation>dropped image</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Running %1 on %2…</source>
        <translation>Running %1 on %2…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done in %1 ms</source>
        <translation>Done in %1 ms</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot run %1 on %2: %3</source>
        <translation>Cannot run %1 on %2: %3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="+21" />
        <source>Cannot save a session: the picture is not a file (pasted, dropped or a sample). Save the picture first and open it from there.</source>
        <translation>Cannot save a session: the picture is not a file (pasted, dropped or a sample). Save the picture first and open it from there.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save Session</source>
        <translation>Save Session</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+24" />
        <source>ViTScope sessions (*.vitscope)</source>
        <translation>ViTScope sessions (*.vitscope)</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Open Session</source>
        <translation>Open Session</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot open the session %1: %2</source>
        <translation>Cannot open the session %1: %2</translation>
    </message>
    <message>
        <location line="+21" />
        <source>the picture %1 no longer exists</source>
        <translation>the picture %1 no longer exists</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the model %1 no longer exists</source>
        <translation>the model %1 no longer exists</translation>
    </message>
    <message>
        <location line="+60" />
        <source>Export Overlay</source>
        <translation>Export Overlay</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Export Head Grid</source>
        <translation>Export Head Grid</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export Attentions</source>
        <translation>Export Attentions</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy arrays (*.npy)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Export Current Map</source>
        <translation>Export Current Map</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+5" />
        <source>Export Predictions</source>
        <translation>Export Predictions</translation>
    </message>
    <message>
        <location line="-3" />
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+107" />
        <source>The built-in model knows only six shapes (circle, square, triangle, star, cross, ring), so on a photo its answer means little. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</source>
        <translation>The built-in model knows only six shapes (circle, square, triangle, star, cross, ring), so on a photo its answer means little. &lt;a href="#models"&gt;Get a real model…&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="-130" />
        <location line="+90" />
        <location line="+69" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+48" />
        <location line="+9" />
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+9" />
        <source>there are no predictions yet</source>
        <translation>there are no predictions yet</translation>
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
        <translation>Property</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none loaded</source>
        <translation>none loaded</translation>
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
        <translation>Shapes ViT (built-in)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0" />
        <source>built-in shapes model</source>
        <translation>built-in shapes model</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Encoder blocks (L)</source>
        <translation>Encoder blocks (L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Attention heads per layer (H)</source>
        <translation>Attention heads per layer (H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden size</source>
        <translation>Hidden size</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Token width (D)</source>
        <translation>Token width (D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Head size</source>
        <translation>Head size</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Width of one head (D / H)</source>
        <translation>Width of one head (D / H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MLP size</source>
        <translation>MLP size</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SwiGLU branch width</source>
        <translation>SwiGLU branch width</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MLP hidden width (I)</source>
        <translation>MLP hidden width (I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch size</source>
        <translation>Patch size</translation>
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
        <translation>Input size</translation>
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
        <translation>Patch grid</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Patches across × down</source>
        <translation>Patches across × down</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 (%2 + %3)</source>
        <translation>%1 (%2 + %3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sequence length (T): prefix tokens + patches</source>
        <translation>Sequence length (T): prefix tokens + patches</translation>
    </message>
    <message>
        <location line="+3" />
        <source>shortest edge %1 px</source>
        <translation>shortest edge %1 px</translation>
    </message>
    <message>
        <location line="+4" />
        <source>class</source>
        <translation>class</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distillation</source>
        <translation>distillation</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n register(s)</source>
        <translation>
            <numerusform>%n register</numerusform>
            <numerusform>%n registers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prefix tokens</source>
        <translation>Prefix tokens</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <location line="+0" />
        <source>class token</source>
        <translation>class token</translation>
    </message>
    <message>
        <location line="+0" />
        <source>average of patches</source>
        <translation>average of patches</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none (no classifier)</source>
        <translation>none (no classifier)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trained at</source>
        <translation>Trained at</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolution of the stored position embeddings</source>
        <translation>Resolution of the stored position embeddings</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resize</source>
        <translation>Resize</translation>
    </message>
    <message>
        <location line="+0" />
        <source>bicubic</source>
        <translation>bicubic</translation>
    </message>
    <message>
        <location line="+0" />
        <source>bilinear</source>
        <translation>bilinear</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Normalise</source>
        <translation>Normalise</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mean (%1, %2, %3), std (%4, %5, %6)</source>
        <translation>mean (%1, %2, %3), std (%4, %5, %6)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>vitscope::ModelListModel</name>
    <message>
        <location filename="../ui/modellistmodel.cpp" line="+59" />
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cannot open: %1</source>
        <translation>Cannot open: %1</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Size on disk</source>
        <translation>Size on disk</translation>
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
        <translation>Models</translation>
    </message>
    <message>
        <location line="-231" />
        <source>On this computer</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the selected model in the main window</source>
        <translation>Open the selected model in the main window</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add &amp;Folder…</source>
        <translation>Add &amp;Folder…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Also look for checkpoints in a folder of your choice</source>
        <translation>Also look for checkpoints in a folder of your choice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look for models on this computer again</source>
        <translation>Look for models on this computer again</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download from the Hugging Face hub</source>
        <translation>Download from the Hugging Face hub</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloads are off because HF_HUB_OFFLINE is set; the models on this computer can still be opened.</source>
        <translation>Downloads are off because HF_HUB_OFFLINE is set; the models on this computer can still be opened.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Description</source>
        <translation>Description</translation>
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
        <translation>ORG/NAME or ORG/NAME@REVISION</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Any model repository on the hub, e.g. google/vit-base-patch16-224; private and gated ones need a token (HF_TOKEN or `huggingface-cli login`)</source>
        <translation>Any model repository on the hub, e.g. google/vit-base-patch16-224; private and gated ones need a token (HF_TOKEN or `huggingface-cli login`)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Download</source>
        <translation>&amp;Download</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop the download; what has arrived is kept and resumed next time</source>
        <translation>Stop the download; what has arrived is kept and resumed next time</translation>
    </message>
    <message>
        <location line="+17" />
        <source>on this computer</source>
        <translation>on this computer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Looking for models…</source>
        <translation>Looking for models…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None yet: download one below, or add a folder that holds checkpoints.</source>
        <translation>None yet: download one below, or add a folder that holds checkpoints.</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Add Folder with Models</source>
        <translation>Add Folder with Models</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Connecting to the hub…</source>
        <translation>Connecting to the hub…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading %1…</source>
        <translation>Downloading %1…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>about %n h left</source>
        <translation>
            <numerusform>about %n h left</numerusform>
            <numerusform>about %n h left</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2, %3/s, %4</source>
        <translation>%1 of %2, %3/s, %4</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 is on this computer now: select it above and click Open.</source>
        <translation>%1 is on this computer now: select it above and click Open.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot download %1: %2</source>
        <translation>Cannot download %1: %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Download of %1 cancelled.</source>
        <translation>Download of %1 cancelled.</translation>
    </message>
</context>
<context>
    <name>vitscope::PredictionsView</name>
    <message>
        <location filename="../ui/predictionsview.cpp" line="+100" />
        <source>class %1</source>
        <translation>class %1</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Class %1: %2</source>
        <translation>Class %1: %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Probability %1</source>
        <translation>Probability %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <location line="+194" />
        <source>Show &amp;top:</source>
        <translation>Show &amp;top:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many of the most probable classes to list</source>
        <translation>How many of the most probable classes to list</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This model has no classifier head: no class predictions.</source>
        <translation>This model has no classifier head: no class predictions.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Click a class to see which patches raised its score (class attribution); click it again or press Esc to deselect it</source>
        <translation>Click a class to see which patches raised its score (class attribution); click it again or press Esc to deselect it</translation>
    </message>
</context>
<context>
    <name>vitscope::ResearchView</name>
    <message>
        <location filename="../ui/researchview.cpp" line="+43" />
        <source>attention</source>
        <translation>attention</translation>
    </message>
    <message>
        <location line="+2" />
        <source>rollout</source>
        <translation>rollout</translation>
    </message>
    <message>
        <location line="+2" />
        <source>class attribution</source>
        <translation>class attribution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>occlusion</source>
        <translation>occlusion</translation>
    </message>
    <message>
        <location line="+150" />
        <source>Feature PCA</source>
        <translation>Feature PCA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Token norms</source>
        <translation>Token norms</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DINO masks</source>
        <translation>DINO masks</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Occlusion</source>
        <translation>Occlusion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deletion / insertion</source>
        <translation>Deletion / insertion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep for joint PCA</source>
        <translation>Keep for joint PCA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit the PCA jointly over the kept pictures and the current one, so that the same part gets the same colour in each</source>
        <translation>Fit the PCA jointly over the kept pictures and the current one, so that the same part gets the same colour in each</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear kept</source>
        <translation>Clear kept</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attention &amp;mass kept:</source>
        <translation>Attention &amp;mass kept:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each head keeps its most attended patches until they hold this share of the class token's attention (DINO: 0.6)</source>
        <translation>Each head keeps its most attended patches until they hold this share of the class token's attention (DINO: 0.6)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Window (patches):</source>
        <translation>&amp;Window (patches):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Stride:</source>
        <translation>&amp;Stride:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;occlusion</source>
        <translation>Run &amp;occlusion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patches per s&amp;tep:</source>
        <translation>Patches per s&amp;tep:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;curves</source>
        <translation>Run &amp;curves</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message numerus="yes">
        <location line="+211" />
        <source>%n picture(s) kept</source>
        <translation>
            <numerusform>%n picture kept</numerusform>
            <numerusform>%n pictures kept</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>No run yet</source>
        <translation>No run yet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Occlusion and curves explain the predicted class: %1</source>
        <translation>Occlusion and curves explain the predicted class: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This model has no classifier: occlusion and curves need a class</source>
        <translation>This model has no classifier: occlusion and curves need a class</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+32" />
        <location line="+26" />
        <source>Open a picture and a model</source>
        <translation>Open a picture and a model</translation>
    </message>
    <message>
        <location line="-40" />
        <location line="+65" />
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location line="-64" />
        <source>Components 1-3 as RGB</source>
        <translation>Components 1-3 as RGB</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Component 1 &gt; 0</source>
        <translation>Component 1 &gt; 0</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Patch norms, %1 to %2</source>
        <translation>Patch norms, %1 to %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patch norms of layer %1</source>
        <translation>Patch norms of layer %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>class token: %1</source>
        <translation>class token: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distillation token: %1</source>
        <translation>distillation token: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>register %1: %2</source>
        <translation>register %1: %2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Head %1</source>
        <translation>Head %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This model has no class token</source>
        <translation>This model has no class token</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Occlusion sets each window of patches to the data set's mean colour and shows how much the class's probability drops. Press Run occlusion.</source>
        <translation>Occlusion sets each window of patches to the data set's mean colour and shows how much the class's probability drops. Press Run occlusion.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Probability drop</source>
        <translation>Probability drop</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+2" />
        <source>%1: area %2</source>
        <translation>%1: area %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Share of patches deleted (lower area: more faithful)</source>
        <translation>Share of patches deleted (lower area: more faithful)</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Share of patches inserted (higher area: more faithful)</source>
        <translation>Share of patches inserted (higher area: more faithful)</translation>
    </message>
    <message>
        <location line="+41" />
        <location line="+13" />
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+6" />
        <source>Export View</source>
        <translation>Export View</translation>
    </message>
    <message>
        <location line="-5" />
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>vitscope::SessionFile</name>
    <message>
        <location filename="../ui/session.cpp" line="+88" />
        <location line="+50" />
        <location line="+10" />
        <source>it is not a ViTScope session</source>
        <translation>it is not a ViTScope session</translation>
    </message>
    <message>
        <location line="-56" />
        <source>it was saved by a newer ViTScope</source>
        <translation>it was saved by a newer ViTScope</translation>
    </message>
    <message>
        <location line="+7" />
        <source>it names no picture</source>
        <translation>it names no picture</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Cannot save the session to %1: %2</source>
        <translation>Cannot save the session to %1: %2</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+5" />
        <location line="+12" />
        <source>Cannot open the session %1: %2</source>
        <translation>Cannot open the session %1: %2</translation>
    </message>
</context>
<context>
    <name>vitscope::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+17" />
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location line="+9" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Next layer</source>
        <translation>Next layer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Page Down, ]</source>
        <translation>Page Down, ]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous layer</source>
        <translation>Previous layer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Page Up, [</source>
        <translation>Page Up, [</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom the picture or the How it works text</source>
        <translation>Zoom the picture or the How it works text</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ctrl+wheel, +, -</source>
        <translation>Ctrl+wheel, +, -</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scroll a zoomed picture</source>
        <translation>Scroll a zoomed picture</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Wheel; Shift+wheel sideways; drag</source>
        <translation>Wheel; Shift+wheel sideways; drag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>See where a patch looks</source>
        <translation>See where a patch looks</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click the patch</source>
        <translation>Click the patch</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deselect the class</source>
        <translation>Deselect the class</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Click it again, or Esc in Predictions</source>
        <translation>Click it again, or Esc in Predictions</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>vitscope::ViewSettings</name>
    <message>
        <location filename="../ui/figureexport.cpp" line="+37" />
        <source>class %1</source>
        <translation>class %1</translation>
    </message>
    <message>
        <location filename="../ui/render/viewsettings.cpp" line="+22" />
        <source>mean</source>
        <translation>mean</translation>
    </message>
    <message>
        <location line="+1" />
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location line="+1" />
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+92" />
        <source>the class token</source>
        <translation>the class token</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the distillation token</source>
        <translation>the distillation token</translation>
    </message>
    <message>
        <location line="+3" />
        <source>patch in row %1, column %2</source>
        <translation>patch in row %1, column %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>register token %1</source>
        <translation>register token %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Layer %1, head %2, query: %3</source>
        <translation>Layer %1, head %2, query: %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layer %1, heads fused by %2, query: %3</source>
        <translation>Layer %1, heads fused by %2, query: %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Attention rollout, heads fused by %1, discard ratio %2</source>
        <translation>Attention rollout, heads fused by %1, discard ratio %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Class attribution for %1</source>
        <translation>Class attribution for %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Shapes ViT (built-in)</source>
        <translation>Shapes ViT (built-in)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>attention weight</source>
        <translation>attention weight</translation>
    </message>
    <message>
        <location line="+1" />
        <source>rollout</source>
        <translation>rollout</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relevance for %1</source>
        <translation>relevance for %1</translation>
    </message>
</context>
<context>
    <name>vitscope::WorkspaceTabs</name>
    <message>
        <location filename="../ui/drawtab.cpp" line="+22" />
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
</context>
<context>
    <name>vitscope::hub::HubClient</name>
    <message>
        <location filename="../ui/io/hubclient.cpp" line="+252" />
        <source>cannot write to the cache folder %1 (is the disk full?)</source>
        <translation>cannot write to the cache folder %1 (is the disk full?)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot reach %1: %2</source>
        <translation>cannot reach %1: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such repo, or it is private or gated and needs a token: set HF_TOKEN or save one with `huggingface-cli login`</source>
        <translation>%1: no such repo, or it is private or gated and needs a token: set HF_TOKEN or save one with `huggingface-cli login`</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: no such repo, or the token has no access to it</source>
        <translation>%1: no such repo, or the token has no access to it</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: access refused (a gated repo: accept its conditions on the hub with the account of your token)</source>
        <translation>%1: access refused (a gated repo: accept its conditions on the hub with the account of your token)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: no revision %2</source>
        <translation>%1: no revision %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such file in the repo</source>
        <translation>%1: no such file in the repo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: no such repo on %2</source>
        <translation>%1: no such repo on %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: no such repo on %2, or the token has no access to it</source>
        <translation>%1: no such repo on %2, or the token has no access to it</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: the hub answered %2 %3</source>
        <translation>%1: the hub answered %2 %3</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1: the hub's answer has no commit hash</source>
        <translation>%1: the hub's answer has no commit hash</translation>
    </message>
    <message>
        <location line="+37" />
        <source>%1/%2: the hub's answer has no usable ETag</source>
        <translation>%1/%2: the hub's answer has no usable ETag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1/%2: the hub's answer has no file size</source>
        <translation>%1/%2: the hub's answer has no file size</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1/%2: the hub answered for commit %3 instead of %4</source>
        <translation>%1/%2: the hub answered for commit %3 instead of %4</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>%1/%2: download failed after %n tries: %3</source>
        <translation>
            <numerusform>%1/%2: download failed after %n try: %3</numerusform>
            <numerusform>%1/%2: download failed after %n tries: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58" />
        <source>%1: the hub redirected to an unsupported address</source>
        <translation>%1: the hub redirected to an unsupported address</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1/%2: size mismatch, expected %3 bytes, received %4</source>
        <translation>%1/%2: size mismatch, expected %3 bytes, received %4</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1/%2: checksum mismatch, expected %3, received %4</source>
        <translation>%1/%2: checksum mismatch, expected %3, received %4</translation>
    </message>
    <message>
        <location line="+4" />
        <source>cannot rename %1 into place</source>
        <translation>cannot rename %1 into place</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: the file name %2 would leave the cache folder</source>
        <translation>%1: the file name %2 would leave the cache folder</translation>
    </message>
    <message>
        <location line="+9" />
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 is not in the cache %2, and HF_HUB_OFFLINE is set</source>
        <translation>%1 is not in the cache %2, and HF_HUB_OFFLINE is set</translation>
    </message>
    <message>
        <location line="+9" />
        <source>cannot write to %1</source>
        <translation>cannot write to %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 has no weights ViTScope can open (model.safetensors or pytorch_model.bin)</source>
        <translation>%1 has no weights ViTScope can open (model.safetensors or pytorch_model.bin)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>cannot read %1</source>
        <translation>cannot read %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2 is no valid shard index, or names a file outside the repo</source>
        <translation>%1: %2 is no valid shard index, or names a file outside the repo</translation>
    </message>
</context>
</TS>