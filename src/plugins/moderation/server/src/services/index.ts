import events from './events';
import queue from './queue';
import screening from './screening';
import settings from './settings';
import stats from './stats';
import submission from './submission';
import transitions from './transitions';

export default { events, queue, screening, settings, stats, submission, transitions };
