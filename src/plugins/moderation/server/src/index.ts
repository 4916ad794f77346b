import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

/** The moderation plugin's server: the whole moderation domain in one place. */
export default {
  register,
  bootstrap,
  contentTypes,
  routes,
  controllers,
  services,
  policies,
};
