/**
 * What every kind of scheme definition (HMAC, key pair) states the same way: the descriptor's
 * header, timestamp and content fields, and the facts a SignatureScheme carries as declared.
 * Each kind adds only what differs (algorithm, key handling, snippets).
 */
import type { SchemeDescriptor } from '../../../shared/api';
import type { SchemeCategory, SchemeSetting } from '../../../shared/scheme-ids';
import { renderTemplate, type ContentPart } from './content';
import type { EventTypeSource } from './event-sources';
import type { SignatureLayout } from './formats';
import type { Handshake } from './handshake';
import type { TimestampRule } from './hmac-scheme';
import type { SignatureScheme } from './types';

export interface DefinitionBase<Id extends SchemeSetting> {
  id: Id;
  label: string;
  category: SchemeCategory;
  docsUrl: string;
  signatureHeader: string;
  signature: SignatureLayout;
  signatureFormat: string;
  timestamp: TimestampRule | null;
  idHeader: string | null;
  template: ContentPart[];
  eventType?: EventTypeSource;
  deliveryIdHeader?: string;
  handshake?: Handshake;
}

export function sharedDescriptorFields(spec: DefinitionBase<SchemeSetting>, headerNames: string[]) {
  return {
    id: spec.id,
    label: spec.label,
    category: spec.category,
    headers: headerNames,
    signature_header: spec.signatureHeader,
    signature_format: spec.signatureFormat,
    multiple_signatures: spec.signature.kind !== 'plain',
    uses_timestamp: spec.timestamp !== null,
    timestamp_source: spec.timestamp?.source ?? null,
    timestamp_header: spec.timestamp?.source === 'header' ? spec.timestamp.name : null,
    timestamp_unit: spec.timestamp?.unit ?? null,
    tolerance_direction: spec.timestamp ? (spec.timestamp.direction === 'both' ? 'both' : 'past_only') : null,
    uses_id: spec.idHeader !== null,
    id_header: spec.idHeader,
    signed_content: renderTemplate(spec.template),
    docs_url: spec.docsUrl,
  } satisfies Partial<SchemeDescriptor>;
}

export function definitionFacts<Id extends SchemeSetting>(
  spec: DefinitionBase<Id>,
): Pick<SignatureScheme<Id>, 'id' | 'label' | 'category' | 'docsUrl' | 'eventType' | 'deliveryIdHeader' | 'handshake'> {
  return {
    id: spec.id,
    label: spec.label,
    category: spec.category,
    docsUrl: spec.docsUrl,
    eventType: spec.eventType ?? null,
    deliveryIdHeader: spec.deliveryIdHeader ?? null,
    handshake: spec.handshake ?? null,
  };
}
