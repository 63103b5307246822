/** The extension icon (public/icon.svg) inline: no web-accessible image for Seller Central to probe. */
export function CourierIcon() {
  return (
    <svg class="rc-icon" viewBox="0 0 128 128" aria-hidden="true" focusable="false">
      <rect x="4" y="4" width="120" height="120" rx="26" fill="#0b63ce" />
      <path d="M34 30h44l16 16v52a6 6 0 0 1-6 6H34a6 6 0 0 1-6-6V36a6 6 0 0 1 6-6z" fill="#ffffff" />
      <path d="M78 30v16h16" fill="#cfe1f7" />
      <rect x="40" y="54" width="36" height="6" rx="3" fill="#0b63ce" />
      <rect x="40" y="68" width="28" height="6" rx="3" fill="#0b63ce" />
      <path
        d="M64 78v22m-11-11 11 11 11-11"
        stroke="#ff9900"
        stroke-width="8"
        fill="none"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
