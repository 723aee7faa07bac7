import { useEffect, useState } from 'react';
import '../../monaco/languages';
import { BodyEditor } from '../../monaco/BodyEditor';
import { useStore } from '../../store';
import { CopyButton } from '../common/CopyButton';
import { Section } from '../detail/Section';
import { useLabScheme } from './use-lab-scheme';
import { noSnippetsText } from '../../lib/lab-scheme';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

/** Verification code for the scheme in use, in four languages, all verifying the raw body bytes. */
export function SnippetsPanel() {
  const scheme = useLabScheme();
  const entry = useStore((s) => s.labSnippets[scheme.id]);
  const load = useStore((s) => s.loadLabSnippets);
  const schemes = useStore((s) => s.schemes);
  const [chosen, setChosen] = useState(0);

  useEffect(() => {
    if (scheme.hasSnippets) void load(scheme.id);
  }, [scheme.id, scheme.hasSnippets, load]);

  const snippets = Array.isArray(entry) ? entry : [];
  const index = chosen < snippets.length ? chosen : 0;
  const snippet = snippets[index];

  const tabs = snippets.length > 0 && (
    <div className="tabs" role="tablist">
      {snippets.map((item, position) => (
        <button
          key={item.language}
          type="button"
          role="tab"
          aria-selected={position === index}
          className={`tab${position === index ? ' tab-active' : ''}`}
          data-testid={`lab-snippet-tab-${item.language}`}
          title={item.framework}
          onClick={() => setChosen(position)}
        >
          {item.framework.split(' (')[0]}
        </button>
      ))}
    </div>
  );

  return (
    <Section title={`Verification code · ${scheme.label.split(' (')[0]}`} aside={tabs} testId="lab-snippets">
      {!scheme.hasSnippets ? (
        <p className="note" data-testid="lab-no-snippets">
          {noSnippetsText(scheme, schemes)}
        </p>
      ) : entry && !Array.isArray(entry) ? (
        <div className="inline-error">{entry.error}</div>
      ) : !snippet ? (
        <p className="note">Loading…</p>
      ) : (
        <>
          <div className={styles.labSnippetMeta}>
            <span className="muted" data-testid="lab-snippet-framework">
              {snippet.framework}
            </span>
            <CopyButton text={snippet.code} label="Copy code" testId="lab-copy-snippet" />
          </div>
          <div className={cx('body-editor', styles.labSnippetEditor)} data-testid="lab-snippet-editor" data-language={snippet.language}>
            <BodyEditor value={snippet.code} language={snippet.language} raw={false} />
          </div>
        </>
      )}
    </Section>
  );
}
