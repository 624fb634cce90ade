// How the server process is started, by the client and by the benchmark alike.

/**
 * `--expose-gc`: the server collects garbage once analysis pauses (server.ts, collectWhenIdle).
 * `--heap-growing-percent=60`: V8 lets the heap grow to 1.6 times what lived after a full
 * collection, not four times as it chose here: typing in a 20,000-task spec (117 MB live, a new
 * 4.5 MB string per keystroke) took the server from 450 to 700-800 MB. Measured at 20,000 tasks
 * (npm run bench -- --node-args ..., five runs each): RSS after the keystrokes 349-395 MB at 60,
 * 345-452 MB at 100; keystroke 30-43 ms against 32-46 ms (V8's default: 30-34 ms).
 */
export const SERVER_EXEC_ARGV = ['--expose-gc', '--heap-growing-percent=60'];
