import type { RequestDetail, SignatureSignResult, Verification, VerificationSnippet } from '../../../shared/api';
import { describeError } from '../api/errors';
import { signaturesApi } from '../api/signatures-api';
import { applyHeaders, toHeaderPairs, toHeaderRows, type HeaderRow } from '../lib/header-list';
import {
  defaultSignTimestamp,
  signingKey,
  signPayload,
  verifyPayload,
  whatIfPayload,
  type Built,
  type LabInputs,
} from '../lib/lab-payload';
import { labSchemeInfo } from '../lib/lab-scheme';
import { captureInputs, captureSource, scratchInputs, type LabSource } from '../lib/lab-start';
import type { SliceCreator } from './types';
import type { HeaderPairs } from '../../../shared/http-headers';

/** `edit`: verify the inputs as edited. `what-if`: re-verify the stored capture with other settings. */
export type LabMode = 'edit' | 'what-if';
export type LabVerifyStatus = 'idle' | 'pending' | 'done' | 'error';

export interface LabSigned {
  result: SignatureSignResult;
  timestamp: number;
  /** Header pairs to send: the Lab's headers with the signed ones put in. */
  headers: HeaderPairs;
  bodyBase64: string;
  /** signingKey() of the inputs it was computed from. */
  key: string;
}

export interface LabSlice {
  labSource: LabSource;
  labMode: LabMode;
  labInputs: LabInputs;
  /** Bumped when inputs are replaced wholesale, so uncontrolled editors reload their text. */
  labGeneration: number;
  /** The verdict of the capture as stored, shown beside a what-if verdict. */
  labStored: Verification | null;
  labResult: Verification | null;
  labVerifyStatus: LabVerifyStatus;
  labVerifyError: string | null;
  labSigned: LabSigned | null;
  labSignError: string | null;
  labSnippets: Record<string, VerificationSnippet[] | { error: string }>;
  /** The private key the Lab signs with for a key-pair scheme (the public one is labInputs.secret). */
  labPrivateKey: string;
  labKeyPairError: string | null;

  /** Verifies the inputs again, e.g. once the scheme list (which shapes the request) has arrived. */
  reverifyLab: () => void;
  /** `bodyBase64`: the capture's whole body (a large one is not inline in the detail). */
  openInLab: (detail: RequestDetail, bodyBase64: string) => void;
  startLabFromScratch: () => void;
  setLabMode: (mode: LabMode) => void;
  updateLabInputs: (patch: Partial<LabInputs>) => void;
  /** Replaces headers (and the body, when given) at once, e.g. from a pasted request. */
  loadLabRequest: (headers: HeaderRow[], bodyBase64: string | null) => void;
  newLabHeaderId: () => number;
  computeLabSignature: (timestamp: number | null) => Promise<void>;
  applyLabSignedHeaders: () => void;
  loadLabSnippets: (scheme: string) => Promise<void>;
  setLabPrivateKey: (key: string) => void;
  /** Generates a pair for the current scheme: the public key verifies, the private key signs. */
  generateLabKeyPair: () => Promise<void>;
}

/** Re-verify this long after the last keystroke: quick enough to feel live, few requests. */
const VERIFY_DEBOUNCE_MS = 250;

export const createLabSlice: SliceCreator<LabSlice> = (set, get) => {
  // Per-store state, not module singletons: each store instance debounces on its own.
  let nextHeaderId = 1;
  const newId = () => nextHeaderId++;
  let verifyTimer: ReturnType<typeof setTimeout> | null = null;
  let verifySequence = 0;

  /** The verification call for the current inputs: the stored capture in what-if mode, else the inputs as edited. */
  function verificationCall(): Built<() => Promise<Verification>> {
    const { labInputs, labMode, labSource, schemes } = get();
    if (labMode === 'what-if' && labSource.kind === 'capture') {
      const built = whatIfPayload(labInputs, labSource.url);
      return built.ok ? { ok: true, payload: () => signaturesApi.verifyCapture(labSource.id, built.payload) } : built;
    }
    const built = verifyPayload(labInputs, labSchemeInfo(labInputs.scheme, labInputs.custom, schemes));
    return built.ok ? { ok: true, payload: () => signaturesApi.verify(built.payload) } : built;
  }

  async function verifyNow(): Promise<void> {
    const sequence = ++verifySequence;
    const call = verificationCall();
    if (!call.ok) {
      set({ labVerifyStatus: 'error', labVerifyError: call.message });
      return;
    }
    set({ labVerifyStatus: 'pending' });
    try {
      const result = await call.payload();
      // A later keystroke started a newer verification: its answer is the one to show.
      if (sequence !== verifySequence) return;
      set({ labResult: result, labVerifyStatus: 'done', labVerifyError: null });
    } catch (error) {
      if (sequence !== verifySequence) return;
      set({ labVerifyStatus: 'error', labVerifyError: describeError(error) });
    }
  }

  function scheduleVerify(delay = VERIFY_DEBOUNCE_MS): void {
    if (verifyTimer !== null) clearTimeout(verifyTimer);
    verifyTimer = setTimeout(() => {
      verifyTimer = null;
      void verifyNow();
    }, delay);
  }

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  return {
    labSource: { kind: 'scratch' },
    labMode: 'edit',
    labInputs: scratchInputs(nowSeconds(), newId),
    labGeneration: 0,
    labStored: null,
    labResult: null,
    labVerifyStatus: 'idle',
    labVerifyError: null,
    labSigned: null,
    labSignError: null,
    labSnippets: {},
    labPrivateKey: '',
    labKeyPairError: null,

    reverifyLab: () => scheduleVerify(0),

    openInLab: (detail, bodyBase64) => {
      const endpoint = get().endpoints.find((item) => item.id === detail.endpoint_id);
      set({
        labSource: captureSource(detail, bodyBase64, endpoint),
        labMode: 'what-if',
        labInputs: captureInputs(detail, bodyBase64, endpoint, newId),
        labGeneration: get().labGeneration + 1,
        labStored: detail.verification,
        labResult: null,
        labSigned: null,
        labSignError: null,
      });
      get().showPage('signature-lab');
      scheduleVerify(0);
    },

    startLabFromScratch: () => {
      set({
        labSource: { kind: 'scratch' },
        labMode: 'edit',
        labInputs: scratchInputs(nowSeconds(), newId),
        labGeneration: get().labGeneration + 1,
        labStored: null,
        labResult: null,
        labSigned: null,
        labSignError: null,
      });
      scheduleVerify(0);
    },

    setLabMode: (labMode) => {
      const source = get().labSource;
      if (labMode === 'what-if') {
        if (source.kind !== 'capture') return;
        // What-if verifies the stored request: show exactly that, dropping edits to headers and body.
        set({
          labMode,
          labInputs: { ...get().labInputs, headers: toHeaderRows(source.headers, newId), bodyBase64: source.bodyBase64 },
          labGeneration: get().labGeneration + 1,
        });
      } else {
        set({ labMode });
      }
      scheduleVerify(0);
    },

    updateLabInputs: (patch) => {
      // A private key belongs to one scheme's key format: another scheme starts without it.
      const schemeChanged = patch.scheme !== undefined && patch.scheme !== get().labInputs.scheme;
      set({ labInputs: { ...get().labInputs, ...patch }, ...(schemeChanged ? { labPrivateKey: '', labKeyPairError: null } : {}) });
      scheduleVerify();
    },

    loadLabRequest: (headers, bodyBase64) => {
      const current = get().labInputs;
      set({
        labInputs: { ...current, headers, bodyBase64: bodyBase64 ?? current.bodyBase64 },
        labGeneration: get().labGeneration + 1,
        labMode: 'edit',
      });
      scheduleVerify(0);
    },

    newLabHeaderId: newId,

    computeLabSignature: async (timestamp) => {
      const { labInputs, schemes } = get();
      const scheme = labSchemeInfo(labInputs.scheme, labInputs.custom, schemes);
      const signAt = timestamp ?? defaultSignTimestamp(labInputs, scheme, nowSeconds());
      const built = signPayload(labInputs, scheme, signAt, get().labPrivateKey);
      if (!built.ok) {
        set({ labSignError: built.message });
        return;
      }
      try {
        const result = await signaturesApi.sign(built.payload);
        set({
          labSigned: {
            result,
            timestamp: signAt,
            headers: toHeaderPairs(applyHeaders(labInputs.headers, result.headers, newId)),
            // Mailgun signs inside the body: the body to send is the one the engine returns, and
            // using it in the request does not make this signature stale.
            bodyBase64: result.body_base64 ?? labInputs.bodyBase64,
            key: signingKey(result.body_base64 ? { ...labInputs, bodyBase64: result.body_base64 } : labInputs),
          },
          labSignError: null,
        });
      } catch (error) {
        set({ labSignError: describeError(error) });
      }
    },

    applyLabSignedHeaders: () => {
      const signed = get().labSigned;
      if (!signed) return;
      const current = get().labInputs;
      const headers = applyHeaders(current.headers, signed.result.headers, newId);
      set({ labInputs: { ...current, headers, bodyBase64: signed.result.body_base64 ?? current.bodyBase64 }, labMode: 'edit' });
      scheduleVerify(0);
    },

    setLabPrivateKey: (labPrivateKey) => set({ labPrivateKey }),

    generateLabKeyPair: async () => {
      const scheme = get().labInputs.scheme;
      try {
        const pair = await signaturesApi.keyPair(scheme);
        if (get().labInputs.scheme !== scheme) return;
        set({ labPrivateKey: pair.private_key, labKeyPairError: null });
        get().updateLabInputs({ secret: pair.public_key });
      } catch (error) {
        set({ labKeyPairError: describeError(error) });
      }
    },

    loadLabSnippets: async (scheme) => {
      if (get().labSnippets[scheme]) return;
      try {
        const snippets = await signaturesApi.snippets(scheme);
        set({ labSnippets: { ...get().labSnippets, [scheme]: snippets } });
      } catch (error) {
        set({ labSnippets: { ...get().labSnippets, [scheme]: { error: describeError(error) } } });
      }
    },
  };
};
