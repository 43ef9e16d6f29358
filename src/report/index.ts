// Re-exports of src/report. Each module adds its own line here.
export {};
