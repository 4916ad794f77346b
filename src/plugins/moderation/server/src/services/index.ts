import events from './events';
import history from './history';
import queue from './queue';
import reactions from './reactions';
import reports from './reports';
import screening from './screening';
import settings from './settings';
import stats from './stats';
import submission from './submission';
import threads from './threads';
import transitions from './transitions';

export default {
  events,
  history,
  queue,
  reactions,
  reports,
  screening,
  settings,
  stats,
  submission,
  threads,
  transitions,
};
