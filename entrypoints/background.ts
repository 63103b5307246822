import { wireBackground } from '@/utils/background/wiring';

export default defineBackground({
  type: 'module',
  main() {
    wireBackground();
  },
});
