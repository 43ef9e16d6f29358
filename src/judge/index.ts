// Re-exports of src/judge. Each module adds its own line here.
export {};
