// The upload form names a workbook and refuses it before sending; the endpoint refuses a cross-site POST
// (CSRF) with 403. On the shared e2e server, signed in as the demo admin.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';

test('the upload form refuses an Excel workbook by name, before sending it', async ({ page }) => {
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Register').addRows([['UPN', 'Date', 'Session', 'Mark'], ['A873402110012', '2024-09-02', 'AM', '/']]);
	const xlsx = Buffer.from(await book.xlsx.writeBuffer());
	let posted = false;
	page.on('request', (r) => {
		if (r.method() === 'POST' && r.url().endsWith('/api/imports')) posted = true;
	});
	await page.goto('/imports');
	await expect(page.locator('[data-testid="import-history"][data-state="ready"]')).toBeVisible();
	await page.getByLabel('Export file').setInputFiles({ name: 'Register autumn.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByTestId('upload-failed')).toContainText('Register autumn.xlsx looks like an Excel workbook (.xlsx): export it');
	expect(posted).toBe(false);
});

test('a POST from another site is refused with 403 and imports nothing', async ({ page, baseURL }) => {
	await page.goto('/imports');
	const urns = await page.locator('#upload-school option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
	const school = urns.find((v) => /^\d+$/.test(v))!;
	const forged = await page.request.post('/api/imports', {
		headers: { origin: 'https://evil.example', 'x-file-name': 'register.csv', 'content-type': 'text/csv' },
		data: 'UPN,Date,Session,Mark\nA873402110012,2024-09-02,AM,/\n'
	});
	expect(forged.status()).toBe(403);
	// the same request from the site itself reaches the importer (which judges the file on its merits)
	const own = await page.request.post('/api/imports', {
		headers: { origin: baseURL!, 'x-file-name': 'register.csv', 'x-school': school, 'content-type': 'text/csv' },
		data: 'UPN,Date,Session,Mark\nA873402110012,2024-09-07,AM,/\n'
	});
	expect(own.status()).toBe(422); // 7 September 2024 is a Saturday: rejected, naming the line
	expect((await own.json()).problems[0]).toMatchObject({ line: 2 });
});
