/** Opens the whole value of a secret version in the viewer, for as long as a revealed value stays on screen. */
import type { AppServices } from '../../app-context.js';
import { ValueViewer } from '../../components/viewer.js';
import { copyValue } from './copy.js';

export function openValueViewer(app: AppServices, name: string, value: string): void {
  const seconds = Math.round(app.revealMs / 1000);
  app.overlay((close) => (
    <ValueViewer title={`Value of ${name} (hidden again after ${seconds} s)`} value={value} width={app.size.columns} height={app.size.rows}
      theme={app.theme} keymap={app.keymap} onClose={close} onCopy={() => copyValue(app, name, value)} hideAfterMs={app.revealMs} />
  ));
}
