// Styles of the CartPole DQN's part (dqn-view.ts) and the over-estimation comparison (compare-view.ts).
import { css } from 'lit';

export const panelStyles = css`
  viva-settings.dqn-settings {
    --settings-min: 11rem;
  }
  viva-settings.compare-settings {
    --settings-min: 16rem;
    max-width: 16rem;
  }
  .live {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0.5rem;
    align-items: start;
  }
  @media (max-width: 760px) {
    .live {
      grid-template-columns: 1fr;
    }
  }
  .stats,
  .watched {
    font: 0.8rem var(--mono);
    color: var(--muted);
  }
  .watched .solved {
    color: var(--text);
    font-weight: 600;
  }
  .collapse {
    font-size: 0.82rem;
    color: var(--text);
    border-left: 3px solid var(--error);
    padding-left: 0.5rem;
    margin: 0.3rem 0;
  }
  .note {
    font-size: 0.78rem;
    color: var(--muted);
  }
  .dqn-compare {
    margin-top: 0.6rem;
  }
  h5 {
    margin: 0.2rem 0;
    font-size: 0.9rem;
  }
`;
