export default {
  config: {
    locales: ['fa'],
  },
  bootstrap() {},
};
