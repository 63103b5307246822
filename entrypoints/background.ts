import { registerMessageHandlers } from '@/utils/messaging/background-router';

export default defineBackground({
  type: 'module',
  main() {
    registerMessageHandlers();
  },
});
