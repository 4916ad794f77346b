export default {
  rest: {
    defaultLimit: 25,
    // Larger page sizes are refused with a 400 by the query guard, not silently capped.
    maxLimit: 100,
    withCount: true,
  },
};
