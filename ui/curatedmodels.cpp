#include "curatedmodels.h"

namespace vitscope {

// Sizes of each repo's model.safetensors (pytorch_model.bin where that is all there is), rounded:
// the dialog says "about".
QList<CuratedModel> CuratedModels::all()
{
    return {
        {QStringLiteral("google/vit-base-patch16-224"),
         tr("ViT-B/16, ImageNet-21k then ImageNet-1k classes: the original ViT"), 346'000'000},
        {QStringLiteral("google/vit-large-patch16-224"), tr("ViT-L/16, ImageNet-1k classes: 24 layers, 16 heads"),
         1'217'000'000},
        {QStringLiteral("facebook/deit-tiny-distilled-patch16-224"),
         tr("DeiT tiny with a distillation token, ImageNet-1k classes: small and fast"), 23'000'000},
        {QStringLiteral("facebook/deit-base-distilled-patch16-384"),
         tr("DeiT base with a distillation token at 384 × 384, ImageNet-1k classes"), 350'000'000},
        {QStringLiteral("facebook/dino-vits8"),
         tr("DINO ViT-S/8, self-supervised: striking attention maps, no classes"), 87'000'000},
        {QStringLiteral("facebook/dino-vitb16"), tr("DINO ViT-B/16, self-supervised, no classes"), 343'000'000},
        {QStringLiteral("facebook/dinov2-small"), tr("DINOv2 ViT-S/14, self-supervised, no classes"), 88'000'000},
        {QStringLiteral("facebook/dinov2-with-registers-small"),
         tr("DINOv2 ViT-S/14 with four register tokens, no classes"), 88'000'000},
        {QStringLiteral("timm/vit_small_patch16_224.augreg_in21k_ft_in1k"),
         tr("timm ViT-S/16 (AugReg), ImageNet-1k classes"), 88'000'000},
        {QStringLiteral("timm/vit_base_patch14_reg4_dinov2.lvd142m"),
         tr("timm ViT-B/14 DINOv2 with four register tokens, no classes"), 346'000'000},
    };
}

} // namespace vitscope
