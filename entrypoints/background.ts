import { startBackground } from '@/utils/background-main';

export default defineBackground(() => {
  startBackground();
});
