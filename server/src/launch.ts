// How the server process is started, by the client and by the benchmark alike.

/**
 * `--expose-gc`: the server collects garbage once analysis pauses (server.ts, collectWhenIdle).
 * `--heap-growing-percent=100`: V8 lets the heap grow to twice what lived after a full collection,
 * not four times as it chose here: typing in a 20,000-task spec (130 MB live, a new 4.5 MB string
 * per keystroke) took the server from 450 to 700-800 MB; with it, 340-460 MB, for 5-10 ms more per
 * keystroke in collection. 60 measured 340-390 MB at 44-50 ms a keystroke, against 32-42 ms
 * (npm run bench -- --node-args ... measures other settings).
 */
export const SERVER_EXEC_ARGV = ['--expose-gc', '--heap-growing-percent=100'];
