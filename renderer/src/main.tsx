import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the shared primitives must come before the components' own stylesheets (imported with
// the components below), so a component's rule wins over the primitive it refines.
import './styles/primitives.css';
import { createTransport } from './api/createTransport.js';
import { App } from './components/App.js';
import { BoardSyncContext } from './state/BoardSyncContext.js';
import { startBoardSync } from './state/boardSync.js';
import { startFaqSync } from './state/faqStore.js';
import { bindPrefsToDocument } from './state/prefsStore.js';
import './styles/theme.css';
import './styles/layout.css';
import './styles/topbar.css';
import './styles/metrics.css';
import './styles/comments.css';
import './styles/settings.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

bindPrefsToDocument();
// Started once, outside React, so StrictMode's double effects cannot open two connections.
const sync = startBoardSync(createTransport());
startFaqSync(sync.client);

createRoot(container).render(
  <StrictMode>
    <BoardSyncContext.Provider value={sync}>
      <App />
    </BoardSyncContext.Provider>
  </StrictMode>,
);
