// The rehearsal dialog's views in one chunk, imported by the header's menu when the dialog first opens:
// progress, mock interview and the user's data (code only they need, kept out of the first paint).
import './data-panel';
import './mock-interview';
import './progress-view';
