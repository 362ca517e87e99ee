import { defineComponent, h, onMounted, ref } from 'vue';

export default defineComponent({
  name: 'QueueDepth',
  props: { queue: { type: String, required: true } },
  setup(props) {
    const depth = ref(0);
    onMounted(() => {
      setInterval(async () => {
        const res = await fetch(`/api/queues/${props.queue}/depth`);
        depth.value = ((await res.json()) as { depth: number }).depth;
      }, 5000);
    });
    return () => h('span', depth.value);
  },
});
