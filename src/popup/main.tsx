import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { localizeDocument } from '../ui/api';
import { Popup } from './Popup';

localizeDocument();
render(<Popup />, document.getElementById('app') as HTMLElement);
