import { defineComponent, h, onMounted, onUnmounted, ref } from 'vue';

export default defineComponent({
  name: 'QueueDepth',
  props: { queue: { type: String, required: true } },
  setup(props) {
    const depth = ref(0);
    let timer: ReturnType<typeof setInterval> | undefined;
    onMounted(() => {
      timer = setInterval(async () => {
        const res = await fetch(`/api/queues/${props.queue}/depth`);
        depth.value = ((await res.json()) as { depth: number }).depth;
      }, 5000);
    });
    onUnmounted(() => clearInterval(timer));
    return () => h('span', depth.value);
  },
});
