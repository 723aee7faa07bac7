import type { DiagnosisItem } from '../../../../shared/api';
import { BODY, buildContent, renderTemplate, type ContentPart } from '../content';
import type { SearchContext } from './context';

const SEPARATORS = ['.', ':', ',', '_', '|', '\n'];

/** Near-miss templates: body only, one separator dropped or changed, variable parts swapped. */
function variantTemplates(template: readonly ContentPart[]): ContentPart[][] {
  const out: ContentPart[][] = [];
  if (!(template.length === 1 && template[0]?.kind === 'body')) out.push([BODY]);
  template.forEach((part, index) => {
    if (part.kind !== 'literal') return;
    out.push(template.filter((_, i) => i !== index));
    for (const separator of SEPARATORS) {
      if (separator !== part.text) out.push(template.map((p, i) => (i === index ? { kind: 'literal', text: separator } : p)));
    }
  });
  const literals = template.filter((part) => part.kind === 'literal').length;
  if (literals > 1) out.push(template.filter((part) => part.kind !== 'literal'));
  // Swap every pair of variable parts, keeping the separators in place (timestamp and body swapped).
  const slots = template.map((part, index) => (part.kind === 'literal' ? -1 : index)).filter((index) => index >= 0);
  for (let a = 0; a < slots.length; a++) {
    for (let b = a + 1; b < slots.length; b++) {
      const swapped = [...template];
      const [i, j] = [slots[a] as number, slots[b] as number];
      [swapped[i], swapped[j]] = [template[j] as ContentPart, template[i] as ContentPart];
      out.push(swapped);
    }
  }
  return out;
}

const show = (parts: readonly ContentPart[]) => JSON.stringify(renderTemplate(parts)).slice(1, -1);

/** signed_content: the signature covers a different arrangement of the same parts. */
export function explainSignedContent(ctx: SearchContext): DiagnosisItem[] {
  const { probe } = ctx;
  const items: DiagnosisItem[] = [];
  if (probe.template && (ctx.bodySearchable || probe.template.length === 1)) {
    for (const variant of variantTemplates(probe.template)) {
      if (ctx.matchesContent(buildContent(variant, probe.fields))) {
        items.push({
          code: 'signed_content',
          message: `The sender signed \`${show(variant)}\` instead of \`${show(probe.template)}\`. Build the signed content exactly as \`${show(probe.template)}\` over the raw body bytes.`,
        });
        break;
      }
    }
  }
  if (items.length === 0 && probe.contentVariants) {
    const match = probe.contentVariants().find((variant) => ctx.matchesContent(variant.content));
    if (match) items.push({ code: 'signed_content', message: match.message });
  }
  return items;
}
