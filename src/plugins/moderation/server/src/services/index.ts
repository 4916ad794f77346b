import settings from './settings';
import transitions from './transitions';

export default { settings, transitions };
