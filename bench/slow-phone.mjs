// The benchmarks' reader: a new tab on a slow phone (CPU slowed down
// `cpu` times, 9 Mbit/s, 60 ms round trip, nothing cached).
export async function slowPhoneTab(browser, cpu = 4) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 60,
    downloadThroughput: (9 * 1024 * 1024) / 8,
    uploadThroughput: (9 * 1024 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  return { context, tab };
}
