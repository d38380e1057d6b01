// The poster button (components/PosterButton.vue); merged into the feature's messages by index.js.
export default {
  feedbackPoster: {
    download: 'Poster',
    pdf: 'A4 poster (PDF, to print)',
    png: 'A4 poster (PNG image)',
    copyLink: 'Copy the QR link',
    copied: 'Copied: {url}',
    copyFailed: 'Could not copy; copy it yourself: {url}',
  },
};
