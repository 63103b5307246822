export function App() {
  return (
    <main>
      <h1>Report Courier settings</h1>
      <p data-testid="status">Accounts and bulk downloads are set up here.</p>
    </main>
  );
}
