import { defineComponent, h, onMounted, onUnmounted, ref } from 'vue';

// A header that shrinks once the page is scrolled.
export default defineComponent({
  name: 'StickyHeader',
  setup() {
    const compact = ref(false);
    const onScroll = () => {
      compact.value = window.scrollY > 64;
    };
    onMounted(() => {
      window.addEventListener('scroll', onScroll, { passive: true });
    });
    onUnmounted(() => {
      window.removeEventListener('scroll', onScroll);
    });
    return () => h('header', { class: { compact: compact.value } }, 'Shop');
  },
});
