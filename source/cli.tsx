// Placeholder entry until the console lands (issue 3): prints the demo dataset summary.
console.log('kvdeck');
