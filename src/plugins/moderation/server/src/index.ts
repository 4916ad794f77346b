import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

/** The moderation plugin's server: the whole moderation domain in one place. */
export default {
  register,
  bootstrap,
  destroy,
  contentTypes,
  routes,
  controllers,
  services,
  policies,
};
