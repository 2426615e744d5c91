"""A new user's trial share (session 19): a GP federation's home-visiting SFTP drop, 40 files
(subfolders, a zip, an encrypted zip, a gzip log, an e-mail with a Word attachment, a hand-made
PDF and an image-only one for OCR, UTF-16, cp1252 and latin-1 text, a truncated Word file and
PDF), 26 people (one only in the encrypted zip), staff and relatives, with its truth.

    python bench/trial_share_s19.py SHARE TRUTH.json   (python-docx, openpyxl, Pillow; zip)
"""
import gzip
import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from email.message import EmailMessage

import openpyxl
from docx import Document
from PIL import Image, ImageDraw, ImageFont

ROOT = sys.argv[1]
shutil.rmtree(ROOT, ignore_errors=True)
os.makedirs(ROOT)
rng = random.Random(19)

def nhs():
    while True:
        d = [rng.choice([4, 6, 7])] + [rng.randrange(10) for _ in range(8)]
        s = sum(x * (10 - i) for i, x in enumerate(d))
        c = 11 - s % 11
        if c == 11: c = 0
        if c == 10: continue
        n = ''.join(map(str, d + [c]))
        return f"{n[:3]} {n[3:6]} {n[6:]}"

def W(rel, data, enc='utf-8'):
    p = os.path.join(ROOT, rel); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode(enc))
    return p

# --- the people (truth) ---
P = {}
def person(pid, title, first, last, dob, pc, health=None, access=(), nhs_no=True, state='alive'):
    P[pid] = dict(title=title, first=first, last=last, dob=dob, postcode=pc,
                  nhs=nhs() if nhs_no else None, health=health, access=list(access), state=state, files=[])
person('P01', 'Mrs', 'Margaret', 'Ellwood', '14/07/1938', 'HX3 7DJ', 'COPD', ['code'])
person('P02', 'Mr', 'Harold', 'Pickersgill', '02/11/1931', 'HX2 0AB', 'heart failure', [])
person('P03', 'Mrs', 'Renée', 'Dufresne', '23/05/1940', 'HX1 4QT', 'dementia', ['code'])
person('P04', 'Mr', 'Dennis', 'Fitzgerald', '09/09/1935', 'HX6 2LP', 'type 2 diabetes', [])
person('P05', 'Miss', 'Zoë', 'Ashworth', '30/01/1949', 'HX7 8RS', 'multiple sclerosis', ['hidden_key'])
person('P06', 'Mr', 'Cyril', 'Dobbs', '17/03/1929', 'HX4 9EE', 'Parkinson\'s disease', ['code'])
person('P07', 'Mrs', 'Hilda', 'Dobbs', '04/08/1932', 'HX4 9EE', 'osteoarthritis', ['code'])  # same home as P06
person('P08', 'Mr', 'Arthur', 'Sowerby', '11/12/1944', 'HX5 0JN', 'prostate cancer', [])
person('P09', 'Mrs', 'Ivy', 'Gledhill', '28/02/1936', 'HX3 6PA', 'vascular dementia', ['left_open'])
person('P10', 'Mr', 'Walter', 'Crabtree', '05/06/1930', 'HX2 7LU', 'end-stage renal failure', ['code'], state='deceased')
person('P11', 'Mr', 'Norman', 'Beever', '19/04/1937', 'HX1 2RX', 'leg ulcer', ['code'])
person('P12', 'Mrs', 'Dorothy', 'Sugden', '07/10/1941', 'HX6 3DW', 'atrial fibrillation', ['hidden_key'])
person('P13', 'Mr', 'Kenneth', 'Haigh', '15/01/1933', 'HX7 5AF', 'stroke', ['left_open'])
person('P14', 'Mrs', 'Edna', 'Rushworth', '22/09/1934', 'HX3 0HZ', 'palliative care', ['key_holder'])
person('P15', 'Mr', 'Albert', 'Greenwood', '03/03/1939', 'HX5 9BT', 'pneumonia', [])
person('P16', 'Mrs', 'Gwendoline', 'Clegg', '12/12/1942', 'HX4 8SN', 'depression', ['code'])
person('P17', 'Mr', 'Stanley', 'Holdsworth', '29/07/1938', 'HX2 9TD', 'pressure ulcer', [])
person('P18', 'Mrs', 'Brenda', 'Yeadon', '12/03/1941', 'HX6 1NG', 'urinary tract infection', [])
person('P19', 'Mr', 'Idris', 'Pugh', '08/08/1946', 'HX1 5HR', 'COPD', ['code'])
person('P20', 'Mrs', 'Winifred', 'Lumb', '16/06/1935', 'HX7 6QL', 'heart failure', ['code'])
person('P21', 'Mr', 'Eric', 'Thornton', '21/10/1940', 'HX3 8UB', 'chronic kidney disease', [])
person('P22', 'Mrs', 'Phyllis', 'Ackroyd', '13/04/1933', 'HX5 3EX', 'dementia', ['hidden_key'])
person('P23', 'Ms', 'Siân', 'Llewellyn', '27/11/1951', 'HX2 4JY', 'anxiety', ['code'])
person('P24', 'Mrs', 'Edith', 'Hargreaves', None, 'HX6 4PU', None, ['code'], nhs_no=False)  # key-safe list only
person('P25', 'Mr', 'Thomas', 'Rishworth', '01/05/1928', 'HX4 2BB', 'dementia', [])  # only in zip
# person in the encrypted zip: unknown to phiscan; truth records it as not readable
ENCRYPTED_ONLY = ['P26']
person('P26', 'Mrs', 'Olive', 'Firth', '09/02/1939', 'HX3 1AA', 'breast cancer', ['code'])

def full(p): return f"{P[p]['title']} {P[p]['first']} {P[p]['last']}"
def used(p, f): P[p]['files'].append(f)

STAFF = ['Dr Priya Raman', 'Dr Owen Batley', 'Gareth Holroyd', 'Kirsty Naylor', 'Bethany Stansfield', 'Faisal Qureshi']
RELATED = {}

# 1. caseload.xlsx (P01-P10)
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Caseload'
ws.append(['Patient name', 'NHS number', 'Date of birth', 'Postcode', 'Diagnosis', 'Access notes', 'Named GP', 'Status'])
acc = {'P01': 'Key safe by front door, code 4821', 'P03': 'Keysafe code 1946 (left of porch)',
       'P05': 'Spare key under the blue plant pot by the shed', 'P06': 'Key safe code 7302 - lives with wife Hilda',
       'P07': 'Same key safe as husband, code 7302', 'P09': 'Door on the latch in the day, let yourself in',
       'P10': 'KS 5590 by back door'}
for i, p in enumerate([f'P{n:02d}' for n in range(1, 11)]):
    q = P[p]
    ws.append([full(p), q['nhs'], q['dob'], q['postcode'], q['health'], acc.get(p, ''), STAFF[i % 2],
               'Deceased 20/11/2026' if q['state'] == 'deceased' else 'Active'])
    used(p, 'caseload/caseload-nov-2026.xlsx')
os.makedirs(f'{ROOT}/caseload', exist_ok=True); wb.save(f'{ROOT}/caseload/caseload-nov-2026.xlsx')

# 2. caseload backup csv, latin-1 (P01-P06)
rows = ['name,nhs_no,dob,postcode,condition']
for p in ['P01', 'P02', 'P03', 'P04', 'P05', 'P06']:
    q = P[p]; rows.append(f"{q['first']} {q['last']},{q['nhs'].replace(' ', '')},{q['dob']},{q['postcode']},{q['health']}"); used(p, 'caseload/backup/caseload-old.csv')
W('caseload/backup/caseload-old.csv', '\r\n'.join(rows) + '\r\n', 'latin-1')

# 3. visit log with items (P11-P14)
log = f"""Home visiting service - daily visit log  Monday 30 November 2026
Clinicians on shift: {STAFF[2]}, {STAFF[3]}

09:10  Mr Norman Beever (DOB {P['P11']['dob']}) NHS {P['P11']['nhs']}, {P['P11']['postcode']}
       Leg ulcer dressing changed, healing well.
       Access: key safe left of the back door, code 3391.
10:05  Mrs Dorothy Sugden (DOB {P['P12']['dob']}) NHS {P['P12']['nhs']}, {P['P12']['postcode']}
       AF, warfarin dose checked; INR 2.6.
       Access: spare key under the stone frog by the side gate.
11:20  Mr Kenneth Haigh (DOB {P['P13']['dob']}) NHS {P['P13']['nhs']}, {P['P13']['postcode']}
       Post-stroke review, left-sided weakness improving.
       Back door left unlocked for us, walk straight in.
13:40  Mrs Edna Rushworth (DOB {P['P14']['dob']}) NHS {P['P14']['nhs']}, {P['P14']['postcode']}
       Palliative care review, syringe driver checked.
       Neighbour Mrs Joan Barraclough at number 12 holds a key.
"""
W('visits/2026-11-30-visit-log.txt', log)
for p in ['P11', 'P12', 'P13', 'P14']: used(p, 'visits/2026-11-30-visit-log.txt')
RELATED['R1'] = 'Joan Barraclough (key holder for P14)'

# 4. discharge letter docx (P15) with NOK daughter
d = Document(); d.add_heading('Calder Valley GP Federation - Home Visiting Service', 1)
d.add_paragraph(f"Re: {full('P15')}, DOB {P['P15']['dob']}, NHS number {P['P15']['nhs']}")
d.add_paragraph(f"12 Heath Lane, Halifax {P['P15']['postcode']}")
d.add_paragraph("Mr Greenwood was seen at home following discharge from Calderdale Royal Hospital after treatment for community-acquired pneumonia. He remains on amoxicillin until Friday.")
d.add_paragraph("Next of kin: daughter Susan Greenwood, 07700 900461.")
d.add_paragraph(f"Yours sincerely\n{STAFF[0]}")
os.makedirs(f'{ROOT}/letters', exist_ok=True); d.save(f'{ROOT}/letters/Discharge Greenwood A.docx'); used('P15', 'letters/Discharge Greenwood A.docx')
RELATED['R2'] = 'Susan Greenwood (NOK of P15)'

# 5. letter docx with table (P16)
d = Document(); d.add_paragraph('Community mental health - shared care note')
t = d.add_table(rows=6, cols=2)
for r, (k, v) in enumerate([('Name', full('P16')), ('NHS number', P['P16']['nhs']), ('Date of birth', P['P16']['dob']),
                            ('Address', f"7 Moor End Road, Halifax {P['P16']['postcode']}"), ('Diagnosis', 'Moderate depression, on sertraline 100mg'),
                            ('Access', 'Key safe code 2580, by the garage door')]):
    t.cell(r, 0).text = k; t.cell(r, 1).text = v
d.add_paragraph(f"Reviewed by {STAFF[1]}.")
d.save(f'{ROOT}/letters/shared-care-clegg.docx'); used('P16', 'letters/shared-care-clegg.docx')

# 6. docx with header/footer (P17)
d = Document(); s = d.sections[0]
s.header.paragraphs[0].text = f"CONFIDENTIAL - {full('P17')} - NHS {P['P17']['nhs']}"
s.footer.paragraphs[0].text = 'Calder Valley GP Federation, Unit 4, Dean Clough, Halifax HX3 5AX'
d.add_paragraph(f"Tissue viability review. Patient born {P['P17']['dob']}.")
d.add_paragraph("Grade 3 pressure ulcer to sacrum. Pressure-relieving mattress ordered. District nurses to visit daily.")
d.save(f'{ROOT}/letters/tv-review-2026-11.docx'); used('P17', 'letters/tv-review-2026-11.docx')

# 7. eml with docx attachment: body about P18, attachment about P19
m = EmailMessage(); m['From'] = 'Kirsty Naylor <kirsty.naylor@cvgpfed.nhs.uk>'; m['To'] = 'Home Visiting <homevisits@cvgpfed.nhs.uk>'
m['Subject'] = 'Two referrals for tomorrow'; m['Date'] = 'Tue, 01 Dec 2026 08:14:00 +0000'
m.set_content(f"""Hi team,

Could you add {full('P18')}, DOB {P['P18']['dob']}, NHS {P['P18']['nhs']}, to tomorrow's list? She has a urinary tract infection and is more confused than usual; her husband will be in.

Second referral attached (Mr Pugh).

Thanks
Kirsty Naylor
Practice Nurse
""")
d = Document(); d.add_paragraph('Referral form')
d.add_paragraph(f"Patient: {full('P19')}\nDOB: {P['P19']['dob']}\nNHS No: {P['P19']['nhs']}\nAddress: 3 Mill Fold, Halifax {P['P19']['postcode']}")
d.add_paragraph('Reason: COPD exacerbation, on home oxygen. Please review inhalers.')
d.add_paragraph('Access: keysafe on the wall by the front door, code 6021.')
b = io.BytesIO(); d.save(b)
m.add_attachment(b.getvalue(), maintype='application', subtype='vnd.openxmlformats-officedocument.wordprocessingml.document', filename='referral-pugh.docx')
W('referrals/inbox/two-referrals.eml', bytes(m))
used('P18', 'referrals/inbox/two-referrals.eml'); used('P19', 'referrals/inbox/two-referrals.eml!referral-pugh.docx')

# 8. hand-built PDF with a text layer (P20)
def pdf(lines):
    content = 'BT /F1 11 Tf 50 780 Td 14 TL ' + ' '.join('(%s) Tj T*' % l.replace('(', '\\(').replace(')', '\\)') for l in lines) + ' ET'
    objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
            f'<< /Length {len(content)} >>\nstream\n{content}\nendstream', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out = b'%PDF-1.4\n'; offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out)); out += f'{i} 0 obj\n{o}\nendobj\n'.encode('latin-1')
    x = len(out); out += f'xref\n0 {len(objs)+1}\n0000000000 65535 f \n'.encode() + b''.join(f'{o:010d} 00000 n \n'.encode() for o in offs)
    out += f'trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n'.encode()
    return out
W('care-plans/care-plan-lumb.pdf', pdf(['Community Matron Care Plan', f"Patient: {full('P20')}", f"Date of birth: {P['P20']['dob']}",
    f"NHS number: {P['P20']['nhs']}", f"Address: 22 Bank Top, Halifax {P['P20']['postcode']}",
    'Problem: chronic heart failure (NYHA III), furosemide 80mg daily, daily weights.',
    'Access: key safe to the right of the front door, code 8417.', 'Care co-ordinator: Bethany Stansfield']))
used('P20', 'care-plans/care-plan-lumb.pdf')
# broken PDF: truncated copy of another plan (P21 would be here but truncated -> unreadable)
good = pdf(['Renal care plan', 'placeholder'])
W('care-plans/renal-plan-DRAFT.pdf', good[:200])

# 9. scanned letter: image-only PDF via ImageMagick (P21) - OCR
txt = f"Renal Clinic Letter\\n\\nRe: {full('P21')}\\nDate of birth: {P['P21']['dob']}\\nNHS number: {P['P21']['nhs']}\\n\\nDiagnosis: chronic kidney disease stage 4.\\nPlan: refer to renal team, review in 3 months."
os.makedirs(f'{ROOT}/scans', exist_ok=True)
img = Image.new('RGB', (1240, 1754), 'white'); dr = ImageDraw.Draw(img)
fnt = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 30)
dr.multiline_text((100, 150), txt.replace('\\n', '\n'), fill='black', font=fnt, spacing=14)
img.save(f'{ROOT}/scans/scan-0043.pdf', 'PDF', resolution=150)
used('P21', 'scans/scan-0043.pdf')

# 10. UTF-16 handover note (P22)
W('visits/handover-utf16.txt', '\ufeff' + f"""Handover - weekend
{full('P22')}, born {P['P22']['dob']}, NHS {P['P22']['nhs']}
Advanced dementia, wandering at night. Family aware.
Key kept inside the coal bunker lid, left-hand side.
""", 'utf-16-le')
used('P22', 'visits/handover-utf16.txt')

# 11. cp1252 note with smart quotes (P23)
W('visits/Siân note.txt', f"""Telephone note \u2013 {full('P23')} (DOB {P['P23']['dob']}), NHS {P['P23']['nhs']}
Siân says she \u2019s been \u201cvery anxious\u201d since the break-in; GP to review citalopram.
Home visit booked: key safe code 7719, by the porch. Paid £12 prescription charge.
""", 'cp1252')
used('P23', 'visits/Siân note.txt')

# 12. key-safe list (no NHS/DOB): P01 (dup), P11 (dup), P24 (new: name+address)
W('admin/keysafes.txt', f"""Key safe register - out of hours
Mrs Margaret Ellwood, 18 Shroggs Road {P['P01']['postcode']} - KS 4821
Mrs Edith Hargreaves, 4 Mill Lane {P['P24']['postcode']} - KS 4471
Mr Norman Beever, 9 Pellon Lane {P['P11']['postcode']} - KS 3391
""")
used('P01', 'admin/keysafes.txt'); used('P11', 'admin/keysafes.txt'); used('P24', 'admin/keysafes.txt')

# 13. zip archive: old visits csv (P05, P07 dup) and a note about P25 in a subfolder
zb = io.BytesIO()
with zipfile.ZipFile(zb, 'w') as z:
    z.writestr('2025/old-visits.csv', 'patient,nhs_number,date_of_birth,notes\n' +
               f"{P['P05']['first']} {P['P05']['last']},{P['P05']['nhs']},{P['P05']['dob']},MS relapse; steroids\n"
               f"{P['P07']['first']} {P['P07']['last']},{P['P07']['nhs']},{P['P07']['dob']},knee pain\n")
    z.writestr('2025/notes/rishworth.txt', f"Memory clinic follow-up\n{full('P25')}, DOB {P['P25']['dob']}, NHS {P['P25']['nhs']}\nAlzheimer's disease, donepezil 10mg. Lives alone, {P['P25']['postcode']}.\n")
W('archive/2025-visits.zip', zb.getvalue())
used('P05', 'archive/2025-visits.zip!2025/old-visits.csv'); used('P07', 'archive/2025-visits.zip!2025/old-visits.csv'); used('P25', 'archive/2025-visits.zip!2025/notes/rishworth.txt')

# 14. encrypted zip (P26) - cannot be read
tmp = os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), 'firth.txt')
open(tmp, 'w').write(f"{full('P26')} DOB {P['P26']['dob']} NHS {P['P26']['nhs']} breast cancer, key safe 9090\n")
subprocess.run(['zip', '-q', '-j', '-P', 'winter2026', f'{ROOT}/archive/secure-firth.zip', tmp], check=True); os.remove(tmp)

# 15. broken docx (truncated)
d = Document(); d.add_paragraph('Draft letter'); b = io.BytesIO(); d.save(b)
W('letters/draft-letter.docx', b.getvalue()[:3000])

# 16. HL7 ADT for P02 (links by NHS)
q = P['P02']; n = q['nhs'].replace(' ', ''); dd, mm, yy = q['dob'].split('/')
W('feeds/adt-20261130.hl7', f"MSH|^~\\&|PAS|CRH|HVS|CVGPF|20261130101500||ADT^A03|MSG0001|P|2.4\rEVN|A03|20261130101500\rPID|1||{n}^^^NHS^NH||PICKERSGILL^HAROLD^^^MR||{yy}{mm}{dd}|M|||5 Spring Hall Lane^^HALIFAX^^{q['postcode']}\rPV1|1|I|WARD 5^^^CRH||||C1234^RAMAN^PRIYA^^^DR\rDG1|1||I50.0^Congestive heart failure^I10\r")
used('P02', 'feeds/adt-20261130.hl7')

# 17. FHIR patient + condition for P08
q = P['P08']; dd, mm, yy = q['dob'].split('/')
W('feeds/fhir-sowerby.json', json.dumps({'resourceType': 'Bundle', 'type': 'collection', 'entry': [
    {'resource': {'resourceType': 'Patient', 'id': 'pt1', 'identifier': [{'system': 'https://fhir.nhs.uk/Id/nhs-number', 'value': q['nhs'].replace(' ', '')}],
                  'name': [{'family': q['last'], 'given': [q['first']]}], 'birthDate': f'{yy}-{mm}-{dd}',
                  'address': [{'line': ['40 Wakefield Road'], 'city': 'Elland', 'postalCode': q['postcode']}]}},
    {'resource': {'resourceType': 'Condition', 'subject': {'reference': 'Patient/pt1'}, 'code': {'text': 'Prostate cancer'}}}]}, indent=1))
used('P08', 'feeds/fhir-sowerby.json')

# 18. staff rota csv (staff only)
W('staff/rota-week-49.csv', 'day,clinician,role,mobile\n' + '\n'.join(
    f"{d_},{s},{'GP' if s.startswith('Dr') else 'ANP'},07700 9005{i:02d}" for i, (d_, s) in enumerate(zip(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], STAFF))) + '\n')
# 19. staff contacts xlsx (staff)
wb = openpyxl.Workbook(); ws = wb.active; ws.append(['Name', 'Role', 'Email', 'Home phone'])
for i, s in enumerate(STAFF): ws.append([s, 'clinician', s.split()[-1].lower() + '@cvgpfed.nhs.uk', f'01422 3600{i:02d}'])
wb.save(f'{ROOT}/staff/contacts.xlsx')
# 20. team meeting minutes (staff names only)
d = Document(); d.add_heading('Team meeting 25/11/2026', 1)
d.add_paragraph(f"Present: {', '.join(STAFF[:4])}"); d.add_paragraph('1. Winter pressures: extra Saturday clinic agreed.\n2. SFTP export to supplier to move to weekly.')
d.save(f'{ROOT}/staff/minutes-2026-11-25.docx')

# 21-27. filler without personal data
W('policies/lone-working-policy.md', '# Lone working policy\n\nStaff visiting homes must log their location with the hub.\nThe office door code is changed monthly.\n')
W('policies/infection-control.txt', 'Hand hygiene before and after every patient contact. Gloves and aprons are in the store room.\n')
W('README.txt', 'Supplier SFTP drop. Exports are written nightly by the clinical system.\n')
W('admin/empty.txt', '')
W('admin/invoice-0091.csv', 'item,qty,price\ndressing packs,40,2.10\ngloves (box),20,4.50\n')
Image.new('RGB', (200, 80), (32, 96, 160)).save(f'{ROOT}/admin/logo.png')
W('admin/printer-settings.json', json.dumps({'printer': 'HP-3F', 'duplex': True}))

# 28-33. more patient files: medication chart csv (P09, P03) semicolon, windows-1252 odd
W('meds/mar-chart.csv', 'Patient;NHS number;DOB;Medication;Dose\r\n' +
  f"{P['P09']['first']} {P['P09']['last']};{P['P09']['nhs']};{P['P09']['dob']};memantine;10mg\r\n"
  f"{P['P03']['first']} {P['P03']['last']};{P['P03']['nhs']};{P['P03']['dob']};donepezil;5mg\r\n", 'cp1252')
used('P09', 'meds/mar-chart.csv'); used('P03', 'meds/mar-chart.csv')
# visit note for P04 markdown
W('visits/notes/fitzgerald-2026-11-28.md', f"## Diabetic review\n\n**Patient:** {full('P04')}  \n**NHS:** {P['P04']['nhs']}  \n**DOB:** {P['P04']['dob']}\n\nHbA1c 71 mmol/mol; metformin increased. Foot check: no ulceration.\n")
used('P04', 'visits/notes/fitzgerald-2026-11-28.md')
# death notification for P10 (text)
W('admin/deaths/notification-crabtree.txt', f"Notification of death\n{full('P10')}, DOB {P['P10']['dob']}, NHS {P['P10']['nhs']}\nDied at home 20/11/2026. End-stage renal failure. Key safe at the property (code 5590) to be removed by the family.\n")
used('P10', 'admin/deaths/notification-crabtree.txt')
# gzip'd log of an export with P06 (dup)
W('logs/export-20261129.log.gz', gzip.compress(f"2026-11-29 02:00:01 export ok: 10 rows\n2026-11-29 02:00:02 row 6 {P['P06']['nhs']} Dobbs C warning: missing GP code\n".encode()))
used('P06', 'logs/export-20261129.log.gz')
# relative's letter: carer's assessment of P14's son (a relative who is not a patient)
W('letters/carer-letter-rushworth.txt', f"""Dear Mr Paul Rushworth,

Thank you for caring for your mother, {full('P14')}. We enclose the carer's assessment form.
Please call us on 01422 360000.

Kind regards
{STAFF[4]}
""")
used('P14', 'letters/carer-letter-rushworth.txt'); RELATED['R3'] = 'Paul Rushworth (son/carer of P14)'
# xlsx appointment list (P12, P13, P17) in a 2nd sheet, first sheet title
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Info'; ws.append(['Appointments export - do not share'])
ws2 = wb.create_sheet('December'); ws2.append(['Date', 'Patient', 'DOB', 'Clinician', 'Reason'])
for p, s_, r in [('P12', STAFF[2], 'INR check'), ('P13', STAFF[3], 'stroke review'), ('P17', STAFF[2], 'pressure area check')]:
    ws2.append(['02/12/2026', full(p), P[p]['dob'], s_, r]); used(p, 'visits/appointments-dec.xlsx')
wb.save(f'{ROOT}/visits/appointments-dec.xlsx')
# a text with mixed line endings and a NUL byte (P02 mention without identifiers -> not counted separately)
W('admin/phone-messages.txt', b"Phone messages\r\nMr Pickersgill's wife rang - he is breathless again.\x00\rPlease call back.\n")


# 36-40: more
W('pharmacy/deliveries.tsv', 'Patient\tDOB\tPostcode\tItems\n' + f"{full('P16')}\t{P['P16']['dob']}\t{P['P16']['postcode']}\tsertraline\n{full('P19')}\t{P['P19']['dob']}\t{P['P19']['postcode']}\tsalbutamol inhaler\n")
used('P16', 'pharmacy/deliveries.tsv'); used('P19', 'pharmacy/deliveries.tsv')
W('visits/call-log-lumb.txt', f"Careline call 29/11/2026 03:12 - {full('P20')} (DOB {P['P20']['dob']}) pressed pendant, short of breath. Ambulance called. Responder let in with key safe code 8417.\n")
used('P20', 'visits/call-log-lumb.txt')
W('policies/office-keys.txt', 'Office key holders: Gareth Holroyd, Faisal Qureshi. Office alarm code changed to 1234 on 01/11/2026.\n')
W('staff/training-matrix.csv', 'name,course,date\nKirsty Naylor,BLS,01/03/2026\nFaisal Qureshi,Safeguarding L3,12/05/2026\n')
W('admin/Rishworth T - memory clinic.txt', f"Memory clinic letter copy: {full('P25')}, born {P['P25']['dob']}. Moderate Alzheimer's disease.\n")
used('P25', 'admin/Rishworth T - memory clinic.txt')

json.dump({'people': P, 'related': RELATED, 'staff': STAFF, 'encrypted_only': ENCRYPTED_ONLY}, open(sys.argv[2], 'w'), indent=1, ensure_ascii=False)
print(sum(len(fs) for _, _, fs in os.walk(ROOT)), 'files')
