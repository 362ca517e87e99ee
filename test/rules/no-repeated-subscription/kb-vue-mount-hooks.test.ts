import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Vue runs a component's `onMounted`/`onBeforeMount` hook (imported from 'vue') once for every
// instance it mounts. `setup()` runs once per instance too, so its variables and its other hooks
// belong to that mount: what the mount hook starts is ended by `onUnmounted`/`onBeforeUnmount`
// beside it, or each mount leaves one more running. (Under `<script setup>` the module is setup.)
runInBothModes('no-repeated-subscription: Vue mount hooks', rule, {
  valid: [
    // the listener removed and the interval cleared by the unmount hooks of the same setup()
    `
import { defineComponent, h, onBeforeUnmount, onMounted, onUnmounted, ref } from 'vue';
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export default defineComponent({
  setup() {
    const width = ref(0);
    const onResize = () => (width.value = window.innerWidth);
    onMounted(() => window.addEventListener('resize', onResize));
    onUnmounted(() => window.removeEventListener('resize', onResize));

    const onJob = (job: unknown) => console.log(job);
    onMounted(() => {
      bus.on('job', onJob);
    });
    onBeforeUnmount(() => {
      bus.off('job', onJob);
    });

    let timer: ReturnType<typeof setInterval> | undefined;
    onMounted(() => {
      timer = setInterval(() => (width.value = window.innerWidth), 5000);
    });
    onUnmounted(() => clearInterval(timer));
    return () => h('div', width.value);
  },
});
`,
    // a controller of the setup() aborted when it unmounts, and an observer disconnected
    `
import { defineComponent, h, onMounted, onUnmounted } from 'vue';

export default defineComponent({
  setup() {
    const listeners = new AbortController();
    let observer: ResizeObserver | undefined;
    onMounted(() => {
      document.addEventListener('keydown', () => {}, { signal: listeners.signal });
      observer = new ResizeObserver(() => {});
      observer.observe(document.body);
    });
    onUnmounted(() => {
      listeners.abort();
      observer?.disconnect();
    });
    return () => h('div');
  },
});
`,
    // <script setup>: the module is setup()
    `
import { onMounted, onUnmounted } from 'vue';

const onResize = () => console.log(window.innerWidth);
onMounted(() => window.addEventListener('resize', onResize));
onUnmounted(() => window.removeEventListener('resize', onResize));
`,
    // an onMounted of some other library is no Vue hook
    `
import { onMounted } from './lifecycle';

export function setup() {
  onMounted(() => window.addEventListener('resize', () => {}));
}
`,
  ],
  invalid: [
    {
      code: `
import { defineComponent, h, onMounted, ref } from 'vue';

export default defineComponent({
  props: { queue: { type: String, required: true } },
  setup(props) {
    const depth = ref(0);
    onMounted(() => {
      setInterval(async () => {
        const res = await fetch('/api/queues/' + props.queue);
        depth.value = ((await res.json()) as { depth: number }).depth;
      }, 5000);
    });
    return () => h('span', depth.value);
  },
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: 'each time this Vue component mounts', started: 'interval' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 18,
        },
      ],
    },
    {
      // a listener on a module emitter that no unmount hook removes; under <script setup>
      code: `
import { onBeforeMount, onUnmounted } from 'vue';
import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();
const onResize = () => console.log(window.innerWidth);
onBeforeMount(() => {
  bus.on('job', (job) => console.log(job));
  window.addEventListener('resize', onResize);
});
onUnmounted(() => window.removeEventListener('resize', onResize));
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "bus.on('job', (job) => console.log(job))", every: 'each time this Vue component mounts', started: "'job' listener" },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
        },
      ],
    },
  ],
});
