// How the server process is started, by the client and by the benchmark alike.

/** `--expose-gc`: the server collects garbage once analysis pauses (server.ts, collectWhenIdle). */
export const SERVER_EXEC_ARGV = ['--expose-gc'];
