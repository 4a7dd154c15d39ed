import { memo } from 'react';
import type { Mode } from './modes';
import { workflowOf, type BatchSettings } from './workflows';

interface Props {
  mode: Mode;
  settings: BatchSettings;
  onChange: (patch: Record<string, unknown>) => void;
}

/** The current workflow's settings panel, as its registry entry draws it. Memoised: a scan does not redraw it. */
export const WorkflowSettings = memo(function WorkflowSettings({ mode, settings, onChange }: Props) {
  if (mode === 'lookup') return null;
  const { Panel } = workflowOf(mode);
  return (
    <div className="batch-params" data-testid="batch-params">
      <Panel settings={settings[mode]} onChange={onChange} />
    </div>
  );
});
