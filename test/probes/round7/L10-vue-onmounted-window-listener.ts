import { defineComponent, h, onMounted, ref } from 'vue';

// A header that shrinks once the page is scrolled.
export default defineComponent({
  name: 'StickyHeader',
  setup() {
    const compact = ref(false);
    onMounted(() => {
      window.addEventListener('scroll', () => {
        compact.value = window.scrollY > 64;
      }, { passive: true });
    });
    return () => h('header', { class: { compact: compact.value } }, 'Shop');
  },
});
