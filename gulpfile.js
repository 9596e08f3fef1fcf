// Copies the files tsc does not emit (icons, codex JSON) next to the compiled nodes and credentials.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'icons/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:static'] = parallel(copyIcons, copyCodex);
