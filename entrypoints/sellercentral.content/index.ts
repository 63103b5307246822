export default defineContentScript({
  matches: [
    'https://sellercentral.amazon.com/*',
    'https://sellercentral-europe.amazon.com/*',
    'https://sellercentral-japan.amazon.com/*',
  ],
  main() {
    document.documentElement.dataset.reportCourier = 'ready';
  },
});
