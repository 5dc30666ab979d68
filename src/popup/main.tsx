import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { localizeDocument, snapshot } from '../ui/api';
import { Popup } from './Popup';

// the state straight from storage (no round trip to a service worker that may be asleep), then
// one synchronous render of the checklist from it; without a snapshot the popup asks the background
const initial = snapshot();
localizeDocument();
void initial.then((view) => render(<Popup initial={view} />, document.getElementById('app') as HTMLElement));
