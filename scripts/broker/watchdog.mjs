// Kills a test broker's processes if the Node test process that started them
// dies without cleaning up (SIGKILL, a runner timeout, a crash).
//
//   node watchdog.mjs PARENT_PID TARGET...
//
// A TARGET is a pid, or a negative number for a whole process group (-PGID).
// The watchdog exits by itself once every target is gone, so a normal stop
// leaves nothing behind. Plain JavaScript: it must start without tsx.
const [parentArg, ...targetArgs] = process.argv.slice(2);
const parent = Number(parentArg);
const targets = targetArgs.map(Number).filter((n) => Number.isInteger(n) && n !== 0);

/** True when the pid (or process group, when negative) still exists. */
function exists(target) {
  try {
    process.kill(target, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function killAll() {
  for (const target of targets) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const timer = setInterval(() => {
  if (!targets.some(exists)) {
    clearInterval(timer);
    return;
  }
  if (!exists(parent)) {
    killAll();
    clearInterval(timer);
  }
}, 500);
