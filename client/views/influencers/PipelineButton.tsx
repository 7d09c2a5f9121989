// "Add to pipeline" for one influencer. It never moves an account backwards: when the account is
// already further along (the server answers 409 with its stage), it shows that stage, and moving it
// back to "To follow" is a second, explicit choice.
import { useState } from 'react';
import { setRelationship } from '../../api/endpoints.ts';
import type { InfluencerItem, Stage } from '../../api/types.ts';
import { STAGE_LABELS } from '../../graph/style.ts';
import { stageAhead } from '../../lib/stage-conflict.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'added' }
  | { kind: 'ahead'; current: Stage }
  | { kind: 'confirm'; current: Stage }
  | { kind: 'error'; message: string };

export function PipelineButton(props: { item: InfluencerItem }) {
  const i = props.item;
  const who = `@${i.handle ?? i.accountId}`;
  const [state, setState] = useState<State>({ kind: 'idle' });
  const send = async (confirmBackwards: boolean) => {
    setState({ kind: 'busy' });
    try {
      await setRelationship(i.accountId, {
        stage: 'to_follow',
        ...(confirmBackwards ? { confirmBackwards: true } : {}),
      });
      setState({ kind: 'added' });
    } catch (e) {
      const current = stageAhead(e);
      if (current) setState({ kind: 'ahead', current });
      else setState({ kind: 'error', message: e instanceof Error ? e.message : 'Failed' });
    }
  };
  // Clicks here must not open the account's row.
  const stop = (e: { stopPropagation(): void }) => e.stopPropagation();
  switch (state.kind) {
    case 'added':
      return <span role="status">Added</span>;
    case 'error':
      return <span role="alert">{state.message}</span>;
    case 'ahead':
      return (
        <span className="pipeline-state" role="status" onClick={stop}>
          Already in the pipeline: <strong>{STAGE_LABELS[state.current]}</strong>{' '}
          <button
            type="button"
            className="link"
            onClick={() => setState({ kind: 'confirm', current: state.current })}
            aria-label={`Move back ${who} to To follow`}
          >
            Move back…
          </button>
        </span>
      );
    case 'confirm':
      return (
        <span className="pipeline-state" role="group" aria-label="Confirm moving back" onClick={stop}>
          Move {who} back from {STAGE_LABELS[state.current]} to To follow?{' '}
          <button type="button" onClick={() => void send(true)}>
            Move back
          </button>{' '}
          <button type="button" onClick={() => setState({ kind: 'ahead', current: state.current })}>
            Keep {STAGE_LABELS[state.current]}
          </button>
        </span>
      );
    default:
      return (
        <button
          type="button"
          disabled={state.kind === 'busy'}
          onClick={(e) => {
            stop(e);
            void send(false);
          }}
          // The visible words start the name (WCAG 2.5.3), the account follows.
          aria-label={`Add to pipeline: ${who}`}
        >
          Add to pipeline
        </button>
      );
  }
}
