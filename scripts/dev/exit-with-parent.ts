/**
 * Preloaded (`node --require`) into every process the development launcher starts. Those run in
 * their own process group, so that Ctrl-C reaches only the launcher, which stops them in order.
 * If the launcher dies without doing so (kill -9), the IPC channel it opened closes and the
 * process stops itself the usual way instead of holding its port and connections forever.
 */
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
