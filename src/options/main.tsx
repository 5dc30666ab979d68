import { render } from 'preact';
import '../ui/base.css';
import { localizeDocument } from '../ui/api';
import { Options } from './Options';

localizeDocument();
render(<Options />, document.getElementById('app') as HTMLElement);
