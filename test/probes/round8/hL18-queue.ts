let pending = 0;
export const depth = () => pending;
export const push = () => void pending++;
