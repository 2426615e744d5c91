#!/usr/bin/env python3
"""Held-out breach share 21: a hospice's community services and an end-of-life care partnership.
usage: heldout_share_21.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]"""
import sys, os, json, random, csv, io, datetime as dt
from email.message import EmailMessage
from xml.sax.saxutils import escape

FN_F = "Ann Margaret Edith Doreen Sylvia Maureen Irene Joan Brenda Pauline Hilda Gwen Rita Valerie Shirley Beryl Olwen Freda Agnes Winifred Nora Siobhan Precious Parveen Jasbir Elzbieta Ngozi Carmel Bernadette Lorna Ivy Muriel Kathleen".split()
FN_M = "Arthur Dennis Kenneth Ronald Clifford Harold Stanley Leonard Gordon Brian Trevor Desmond Cyril Bernard Alwyn Mervyn Roy Derek Gerald Keith Tadeusz Emeka Gurdev Patrick Eamon Wilfred Norman Albert Frank Terence Lionel Ernest".split()
SUR = ("Price Hollingworth Ashdown Pettigrew Oakes Brindley Caddick Fairclough Greatorex Hebblethwaite Iredale Jowett Kershaw Lumb "
       "Mottram Nuttall Ormerod Pickles Quarmby Rushworth Sugden Thwaite Uttley Varley Wadsworth Yeadon Ackroyd Boothroyd Crabtree "
       "Dyson Eastwood Firth Gaukroger Haigh Illingworth Jagger Kitson Lister Marsden Naylor Oldroyd Priestley Redfearn Stansfield "
       "Tordoff Whiteley Bairstow Clegg Dobson Holroyd O'Hara O'Callaghan McAllister D'Souza Okonkwo Kowalczyk Sandhu Mahmood "
       "Smith-Rowley Ellis-Barker Greenwood-Hey Van-Der-Berg Tattersall Pollard Shackleton Sutcliffe Hirst Ramsden Brearley").split()
STAFF_F = "Leanne Bishop|Kerry-Ann Mossop|Joanne Pilling|Dawn Egerton|Shabana Akhtar|Nicola Stott|Michelle Fenwick|Tracey Dunphy|Bev Ogunleye|Gemma Rawcliffe|Claire Hutchings|Rosa Delgado".split("|")
STAFF_M = "Daniel Cropper|Marek Nowicki|Jamal Idris|Stephen Burrows|Callum Rees|Tom Ashurst".split("|")
DOCS = "Dr Omar Haddad|Dr Helen Gathercole|Dr Priya Venkatesan|Dr Iain MacRitchie|Dr Susan Athey".split("|")
GPS = "Dr Robert Lomax|Dr Anjali Mehta|Dr Fiona Tait|Dr Kwame Boateng|Dr Ruth Ferriby|Dr Paul Whitlock".split("|")
COORD = "Angela Tomlinson|Yasmin Qureshi|Sue Bamforth".split("|")
VOLS = "Margaret Oddie|Peter Kell|Lindsay Crowther|Hugh Benn".split("|")
STREETS = "Moorside Rd|Bankfield Terrace|Providence St|Cragg View|Mill Lane|Beech Grove|Heathcote Ave|Albion Street|Stoney Royd|Chapel Fold|Wakefield Rd|Hill Top Close|Brunswick Place|Sowerby Croft|Jubilee Way".split("|")
TOWNS = [("Halifax", "HX"), ("Brighouse", "HD"), ("Sowerby Bridge", "HX"), ("Elland", "HX"), ("Todmorden", "OL"), ("Hebden Bridge", "HX")]
DIAG = ["metastatic ca prostate", "MND", "end stage COPD", "ca pancreas", "heart failure NYHA IV", "end stage renal disease (conservative mgmt)", "ca lung w/ bone mets", "frailty/dementia", "ca ovary", "glioblastoma", "IPF", "ca oesophagus", "liver failure"]
REL = ["daughter", "son", "wife", "husband", "niece", "nephew", "partner", "sister", "brother", "son-in-law", "granddaughter", "friend"]
NEIGH = ["neighbour", "neighbour", "friend from chapel", "warden", "neighbour across the road"]

def nhs(rng, used):
    while True:
        d = [4, 8, 5] + [rng.randrange(10) for _ in range(6)]
        s = sum(x * w for x, w in zip(d, range(10, 1, -1)))
        c = 11 - s % 11
        if c == 11: c = 0
        if c == 10: continue
        n = "".join(map(str, d)) + str(c)
        if n not in used:
            used.add(n); return n

def fmt_nhs(n, style):
    return [n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"][style % 3]

def dob_forms(d):
    return [d.strftime("%d/%m/%Y"), d.strftime("%Y-%m-%d"), f"{d.day} {d.strftime('%b %Y')}", d.strftime("%d.%m.%y").replace(".", "."), f"{d.day} {d.strftime('%B %Y')}", d.strftime("%d-%m-%Y")]

def main():
    a = sys.argv[1:]
    if len(a) < 2: print(__doc__); sys.exit(2)
    share, truthp = a[0], a[1]
    N = int(a[2]) if len(a) > 2 else 120
    seed = int(a[3]) if len(a) > 3 else 1
    rng = random.Random(seed)
    os.makedirs(share, exist_ok=True)
    staff_nurse = rng.sample(STAFF_F + STAFF_M, 14)
    nurses, carers = staff_nurse[:6], staff_nurse[6:]
    staff_all = set(staff_nurse) | set(DOCS) | set(GPS) | set(COORD) | set(VOLS)
    used_nhs, used_names = set(), set()
    people = []
    related_all = set()
    base = dt.date(2026, 6, 1)
    for i in range(N):
        sex = rng.choice("FM")
        while True:
            fn = rng.choice(FN_F if sex == "F" else FN_M); sn = rng.choice(SUR)
            if (fn, sn) not in used_names: used_names.add((fn, sn)); break
        mid = rng.choice(FN_F if sex == "F" else FN_M) if rng.random() < 0.5 else ""
        known_as_mid = bool(mid) and rng.random() < 0.15 and mid != fn
        dob = dt.date(rng.randint(1925, 1975), rng.randint(1, 12), rng.randint(1, 28))
        p = dict(i=i, sex=sex, fn=fn, sn=sn, mid=mid if mid != fn else "", known=(mid if known_as_mid else fn), dob=dob,
                 nhs=nhs(rng, used_nhs) if rng.random() < 0.75 else "",
                 addr=f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town=rng.choice(TOWNS), diag=rng.choice(DIAG),
                 title=("Mrs" if rng.random() < .6 else rng.choice(["Miss", "Ms"])) if sex == "F" else "Mr",
                 gp=rng.choice(GPS), nurse=rng.choice(nurses), carer=rng.sample(carers, 2), doc=rng.choice(DOCS))
        if not known_as_mid: p["known"] = fn
        p["pc"] = f"{p['town'][1]}{rng.randint(1, 7)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
        # next of kin
        rel = rng.choice(REL)
        rfn = rng.choice(FN_F if rel in ("daughter", "wife", "niece", "partner", "sister", "granddaughter") else FN_M if rel != "friend" else FN_F + FN_M)
        rsn = sn if rel not in ("daughter", "niece", "granddaughter", "friend", "son-in-law") or rng.random() < .4 else rng.choice(SUR)
        while (rfn, rsn) in used_names: rfn = rng.choice(FN_F + FN_M)
        if rel == "wife" and p["sex"] == "F": rel = "partner"
        p["nok"] = (f"{rfn} {rsn}", rel)
        used_names.add((rfn, rsn)); related_all.add(f"{rfn} {rsn}")
        # status
        r = rng.random()
        p["status"] = "died" if r < 0.35 else ("moved" if r < 0.42 else "alive")
        p["dod"] = base + dt.timedelta(days=rng.randint(5, 150)) if p["status"] == "died" else None
        p["home_empty"] = p["status"] == "died" and rng.random() < 0.6
        # access kinds
        kinds = []
        if rng.random() < 0.45:
            kinds = rng.sample(["code", "code", "code", "hidden_key", "key_holder", "left_open"], rng.choice([1, 1, 1, 2]))
            kinds = sorted(set(kinds))
        p["kinds"] = kinds
        p["code"] = f"{rng.randint(0, 9999):04d}"
        kh = None
        if "key_holder" in kinds:
            khfn = rng.choice(FN_F + FN_M); khsn = rng.choice(SUR)
            while (khfn, khsn) in used_names: khsn = rng.choice(SUR)
            used_names.add((khfn, khsn))
            kh = (f"{khfn} {khsn}", rng.choice(NEIGH), rng.randint(1, 150))
        p["kh"] = kh
        p["hide"] = rng.choice(["under the blue plant pot by the back door", "in the meter box (left side)", "under the stone frog by the step",
                                "on a string behind the letterbox", "under the mat", "in the coal bunker on the hook", "inside the gas meter cupboard",
                                "under the 3rd flowerpot on the wall", "in the bird box on the shed"])
        people.append(p)

    files = {}
    def put(path, data):
        full = os.path.join(share, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(full, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f: f.write(data)
        files[path] = 1

    def name_shape(p, k):
        shapes = [f"{p['title']} {p['known']} {p['sn']}", f"{p['sn'].upper()}, {p['fn']}", f"{p['known']} {p['sn'].upper()}",
                  f"{p['fn']} {p['mid'] + ' ' if p['mid'] else ''}{p['sn']}", f"{p['title']} {p['fn'][0]}. {p['sn']}", f"{p['known']} {p['sn']}"]
        return shapes[k % len(shapes)]

    def access_line(p, kind, rng, past=False):
        c = p["code"]
        if kind == "code":
            return rng.choice([f"Key safe to L of front door, code {c}.", f"KS code {c} - pls make sure you scramble it after",
                               f"keysafe by back door, c/o {c}", f"Access: key safe on wall by garage, code is {c}",
                               f"Front door keypad {c}#", f"Lock box on the gate post - {c[:2]} {c[2:]}"])
        if kind == "hidden_key":
            return rng.choice([f"Spare key kept {p['hide']}.", f"key is {p['hide']}, put it back after!", f"If no answer there's a key {p['hide']}"])
        if kind == "key_holder":
            n, role, no = p["kh"]
            return rng.choice([f"{role.capitalize()} {n} at no. {no} holds a key.", f"Key holder: {n} ({role}), {no} {p['addr'].split(' ', 1)[1]}",
                               f"{n} ({role}) has a spare key if no answer"])
        return rng.choice(["Door left on the latch in the daytime, let yourself in and shout.", "Back door left unlocked for visitors - just push the door",
                           "Pt can't get to door, front door is left open, walk straight in", "door on the snib during day, go straight in"])

    NM = ["Code status: DNACPR in place (ReSPECT form in blue folder).", "Key worker: {coord}.", "Key points from MDT: see below.",
          "Office key safe (Ackroyd Hse) code changed, ask reception.", "Wheelchair access via side ramp.", "Key safe fitting booked w/ handyperson scheme - code tbc, will be with admin team.",
          "Reminder locked up after visit and posted leaflet.", "Worried re burglaries on the estate, door chain fitted.", "Syringe driver batch code SD-{n}.",
          "Diagnosis code C61 (SNOMED 399068003)."]

    def nm(rng, p):
        return rng.choice(NM).format(coord=rng.choice(COORD), n=rng.randint(1000, 9999))

    truth_staff = set(staff_all)
    # track what is stated
    stated = {p["i"]: set() for p in people}
    stated_former = {p["i"]: set() for p in people}

    # decide where access goes: current (alive or moved-before? ) vs former
    def emit_access(p, rng):
        lines = []
        if not p["kinds"]: return lines
        former = p["status"] == "moved" or p["home_empty"]
        for k in p["kinds"]:
            lines.append(access_line(p, k, rng))
            (stated_former if former else stated)[p["i"]].add(k)
        return lines

    # ---------- 1. Visit notes (txt) ----------
    for p in people:
        nv = rng.randint(1, 3)
        for v in range(nv):
            d = base + dt.timedelta(days=rng.randint(0, 120) + v)
            if p["dod"] and d > p["dod"]: d = p["dod"] - dt.timedelta(days=rng.randint(1, 4))
            who = p["carer"] if rng.random() < .6 else [p["nurse"]]
            lines = [rng.choice(["HOSPICE AT HOME - visit record", "Night sitting service - overnight record", "Calder EoL Care Agency - daily log", "DN visit"]),
                     f"Client: {name_shape(p, v + p['i'])}   DOB {dob_forms(p['dob'])[(v + p['i']) % 6]}",
                     f"NHS No: {fmt_nhs(p['nhs'], v)}" if p["nhs"] and rng.random() < .7 else f"Addr: {p['addr']}, {p['town'][0]} {p['pc']}",
                     f"Date: {d.strftime('%d/%m/%y')}  Time in {rng.randint(7, 22)}:{rng.choice(['00', '15', '30', '45'])}",
                     ""]
            body = rng.choice([f"{p['known']} settled, sleeping most of shift. Mouth care x3. Pain score 2/10. Syringe driver site checked, no redness, running to time.",
                               f"Pt v. agitated early hrs, {p['nok'][1]} {p['nok'][0].split()[0]} up with us. PRN midaz given per chart. Calmer by 4am.",
                               f"Reposition 2hrly, pressure areas intact. Eating very little, sips only. {p['nok'][0]} ({p['nok'][1]}) aware and staying over.",
                               f"SD recharged 11:00, diamorphine/levomepromazine. Catheter draining well. {p['known']} asked about seeing the chaplain."])
            lines.append(body)
            if v == 0:
                acc = emit_access(p, rng) if (p["status"] == "alive" or p["status"] == "moved") and rng.random() < 0.55 else []
                if p["status"] == "moved" and acc:
                    acc = []  # moved people: access stated elsewhere (old address)
                    for k in p["kinds"]: stated_former[p["i"]].discard(k)
                lines += acc
            if rng.random() < .35: lines.append(nm(rng, p))
            lines.append("")
            lines.append(f"Staff: {' & '.join(who)}" if rng.random() < .5 else " / ".join(who))
            put(f"HospiceAtHome/VisitNotes/{p['sn'].replace(chr(39), '')}_{p['fn']}_{d.strftime('%Y%m%d')}_{v}.txt", "\r\n".join(lines) + "\r\n")

    # make sure every current-access person is stated somewhere: access sheet (register) and handovers
    from docx import Document
    # ---------- 2. Handovers (docx), several patients each ----------
    order = people[:]; rng.shuffle(order)
    hidx = 0
    for start in range(0, len(order), 6):
        grp = order[start:start + 6]
        doc = Document()
        d = base + dt.timedelta(days=rng.randint(0, 140))
        doc.add_heading(f"Night sitting handover {d.strftime('%a %d %b %Y')}", 1)
        doc.add_paragraph(f"Coordinator on: {rng.choice(COORD)}. Sitters: {', '.join(rng.sample(carers, 3))}")
        for p in grp:
            txt = f"{name_shape(p, hidx)} ({dob_forms(p['dob'])[hidx % 6]}) - {p['diag']}. "
            if p["status"] == "died" and p["dod"] and p["dod"] < d:
                txt += f"Died {p['dod'].strftime('%d/%m')} - verified by {p['nurse']} (DN). Family informed. "
                if p["home_empty"] and p["kinds"]:
                    txt += "House now empty, " + " ".join(access_line(p, k, rng) for k in p["kinds"]) + " Equipment collection to be arranged w/ " + p["nok"][0] + "."
                    for k in p["kinds"]: stated_former[p["i"]].add(k)
            elif p["status"] == "moved":
                txt += f"Moved into Lyndhurst Nursing Home last wk. "
                if p["kinds"] and rng.random() < .7:
                    txt += "Old address still has: " + " ".join(access_line(p, k, rng) for k in p["kinds"])
                    for k in p["kinds"]: stated_former[p["i"]].add(k)
            else:
                txt += rng.choice(["Comfortable. ", "Deteriorating, ?last days. ", "Stable, family coping. "])
                if p["kinds"] and rng.random() < .5:
                    txt += " ".join(emit_access(p, rng))
            if rng.random() < .3: txt += " " + nm(rng, p)
            doc.add_paragraph(txt)
            hidx += 1
        b = io.BytesIO(); doc.save(b)
        put(f"NightSitting/Handovers/handover_{d.strftime('%Y%m%d')}_{start // 6}.docx", b.getvalue())

    # ---------- 3. Coordination register (csv, xlsx, xml) ----------
    hdr = ["NHS Number", "Surname", "Forename", "Known as", "DOB", "Address", "Postcode", "GP", "Diagnosis", "Phase", "Key worker", "Key safe code", "Access notes", "Deceased", "Date of death", "Preferred place of death"]
    rows = []
    for p in people:
        ks = ""; an = ""
        former = p["status"] == "moved" or p["home_empty"]
        cur_ok = (p["status"] == "alive") or (p["status"] == "died" and not p["home_empty"])
        if p["kinds"] and cur_ok:
            if "code" in p["kinds"] and rng.random() < .6:
                ks = p["code"]; stated[p["i"]].add("code")
            others = [k for k in p["kinds"] if k != "code" or not ks]
            if others and rng.random() < .7:
                an = " ".join(access_line(p, k, rng) for k in others)
                for k in others: stated[p["i"]].add(k)
        elif p["status"] == "moved":
            an = "Now in Lyndhurst NH"
        elif rng.random() < .1:
            an = "KS fitting booked"
        rows.append([fmt_nhs(p["nhs"], p["i"]) if p["nhs"] else "", p["sn"], p["fn"] + (" " + p["mid"] if p["mid"] else ""), p["known"] if p["known"] != p["fn"] else "",
                     p["dob"].strftime("%d/%m/%Y"), p["addr"] + ", " + p["town"][0], p["pc"], p["gp"], p["diag"],
                     rng.choice(["Stable", "Unstable", "Deteriorating", "Dying"]) if p["status"] != "died" else "Deceased",
                     rng.choice(COORD), ks, an, "Y" if p["status"] == "died" else "N", p["dod"].strftime("%d/%m/%Y") if p["dod"] else "",
                     rng.choice(["Home", "Hospice", "Home", "Care home", "Not discussed"])])
    s = io.StringIO(); w = csv.writer(s); w.writerow(hdr); w.writerows(rows)
    put("PCCC/Register/EPaCCS_register_full_export.csv", s.getvalue())
    # weekly exports: subsets, no access columns
    import openpyxl
    for wk in range(12):
        sub = rng.sample(rows, rng.randint(15, 35))
        s = io.StringIO(); w = csv.writer(s, delimiter=";" if wk % 3 == 0 else ",")
        w.writerow(["nhs_no", "surname", "forename", "date_of_birth", "phase", "gp_practice", "deceased"])
        for r in sub: w.writerow([r[0], r[1].upper(), r[2], r[4], r[9], r[7], r[13]])
        put(f"PCCC/Weekly/wk{wk + 23:02d}_register_changes.csv", s.getvalue())
    for wk in range(6):
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Register"
        ws.append(hdr); sub = rng.sample(rows, 40)
        for r in sub: ws.append(r)
        ws2 = wb.create_sheet("Deaths this month"); ws2.append(["Patient", "DOB", "NHS", "DoD", "Place", "Verified by", "Bereavement contact", "Relationship"])
        for p in people:
            if p["dod"] and p["dod"].month == 6 + wk % 5:
                ws2.append([f"{p['sn'].upper()}, {p['fn']}", p["dob"].strftime("%d/%m/%Y"), p["nhs"], p["dod"].strftime("%d/%m/%Y"), rng.choice(["Home", "Hospice"]), p["nurse"], p["nok"][0], p["nok"][1]])
        ws3 = wb.create_sheet("Equipment"); ws3.append(["Client", "DOB", "Item", "Status", "Collect from"])
        for p in rng.sample(people, 15):
            ws3.append([f"{p['known']} {p['sn']}", dob_forms(p["dob"])[1], rng.choice(["profiling bed", "air mattress", "commode", "syringe driver McKinley T34"]),
                        "collect" if p["status"] != "alive" else "in use", p["addr"]])
        b = io.BytesIO(); wb.save(b)
        put(f"PCCC/Weekly/EOL_register_week_{wk + 1}.xlsx", b.getvalue())
    # XML
    xs = ['<?xml version="1.0" encoding="UTF-8"?>', '<EPaCCSExport system="CalderPCCC" generated="2026-10-31">']
    for p, r in zip(people, rows):
        xs.append("  <Patient>")
        if p["nhs"]: xs.append(f"    <NHSNumber>{p['nhs']}</NHSNumber>")
        xs.append(f"    <Name><Family>{escape(p['sn'])}</Family><Given>{escape(p['fn'])}</Given>{'<Preferred>' + p['known'] + '</Preferred>' if p['known'] != p['fn'] else ''}</Name>")
        xs.append(f"    <BirthDate>{p['dob'].isoformat()}</BirthDate>")
        xs.append(f"    <Address postcode=\"{p['pc']}\">{escape(r[5])}</Address>")
        xs.append(f"    <CodeStatus>{rng.choice(['DNACPR', 'For CPR', 'DNACPR'])}</CodeStatus>")
        if r[12] and "Lyndhurst" not in r[12] and "KS fitting" not in r[12]: xs.append(f"    <AccessInformation>{escape(r[12])}</AccessInformation>")
        if r[11]: xs.append(f"    <KeySafe code=\"{r[11]}\"/>")
        xs.append(f"    <NextOfKin relationship=\"{p['nok'][1]}\">{escape(p['nok'][0])}</NextOfKin>")
        if p["dod"]: xs.append(f"    <Deceased date=\"{p['dod'].isoformat()}\">true</Deceased>")
        xs.append("  </Patient>")
    xs.append("</EPaCCSExport>")
    put("PCCC/Register/epaccs_export.xml", "\n".join(xs))

    # ---------- 4. Letters ----------
    def pdf(lines):
        # minimal text-based PDF (standard library only; reportlab is not installed)
        def esc(t): return t.encode("latin-1", "replace").decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        pages = [lines[i:i + 44] for i in range(0, len(lines), 44)] or [[]]
        objs = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
        kids = []
        for pg in pages:
            st = "BT /F1 11 Tf 50 800 Td 15 TL " + " ".join(f"({esc(x)}) '" for x in pg) + " ET"
            objs.append(f"<< /Length {len(st.encode('latin-1'))} >>\nstream\n{st}\nendstream")
            objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {len(objs)} 0 R >>")
            kids.append(len(objs))
        objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
        out = b"%PDF-1.4\n"; offs = []
        for n, o in enumerate(objs, 1):
            offs.append(len(out)); out += f"{n} 0 obj\n{o}\nendobj\n".encode("latin-1")
        x = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offs)
        out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
        return out
    for p in people:
        dd = f"{p['dob'].day}/{p['dob'].month}/{p['dob'].year}"
        if p["status"] == "died":
            nok, rel = p["nok"]
            L = ["Calder Valley Hospice - Bereavement Support Service", "", f"Dear {nok.split()[0]},", "",
                 f"We were so sorry to hear of the death of your {({'daughter': 'mother' if p['sex'] == 'F' else 'father', 'son': 'mother' if p['sex'] == 'F' else 'father', 'wife': 'husband', 'husband': 'wife'}).get(rel, 'loved one')}, "
                 f"{p['known']} {p['sn']}, on {p['dod'].strftime('%d %B %Y')}.",
                 "Our bereavement volunteers offer support sessions on Tuesdays. " + f"{rng.choice(VOLS)} will ring you in the next few weeks.",
                 f"Equipment (bed, mattress) will be collected - the team will ring you to arrange access.", "", "With kind regards,", rng.choice(COORD), "Bereavement coordinator",
                 f"Ref: {p['sn'].upper()} {dd}"]
            if rng.random() < .5: put(f"Bereavement/Letters/bereav_{p['sn']}_{p['i']}.pdf", pdf(L))
            else:
                doc = Document(); [doc.add_paragraph(x) for x in L]; b = io.BytesIO(); doc.save(b)
                put(f"Bereavement/Letters/bereav_{p['sn']}_{p['i']}.docx", b.getvalue())
        if rng.random() < .7:
            L = [f"{p['doc']}, Consultant in Palliative Medicine", "Calder Valley Hospice Community Team", "", f"Dear {p['gp']},", "",
                 f"Re: {p['title']} {p['fn']} {p['mid'] + ' ' if p['mid'] else ''}{p['sn']}, DOB {dob_forms(p['dob'])[p['i'] % 6]}" + (f", NHS {fmt_nhs(p['nhs'], 1)}" if p["nhs"] else ""),
                 f"{p['addr']}, {p['town'][0]} {p['pc']}", "",
                 f"I reviewed {p['known']} at home with {p['nurse']}. Diagnosis: {p['diag']}. Anticipatory medicines in place.",
                 f"{p['nok'][1].capitalize()} {p['nok'][0]} present and is main carer.", "Code status: DNACPR discussed and agreed; ReSPECT form completed.", "",
                 "Yours sincerely,", p["doc"]]
            if rng.random() < .5:
                put(f"Clinical/Letters/GP_{p['sn']}_{p['fn'][0]}{p['i']}.pdf", pdf(L))
            else:
                doc = Document(); [doc.add_paragraph(x) for x in L]; b = io.BytesIO(); doc.save(b)
                put(f"Clinical/Letters/GP_{p['sn']}_{p['fn'][0]}{p['i']}.docx", b.getvalue())

    # ---------- 5. ReSPECT forms (docx tables) ----------
    for p in rng.sample(people, N // 4):
        doc = Document(); doc.add_heading("ReSPECT - Recommended Summary Plan for Emergency Care and Treatment", 1)
        t = doc.add_table(rows=0, cols=2)
        for k, v in [("Full name", f"{p['fn']} {p['mid'] + ' ' if p['mid'] else ''}{p['sn']}"), ("Date of birth", p["dob"].strftime("%d/%m/%Y")), ("NHS number", fmt_nhs(p["nhs"], 1) if p["nhs"] else "not known"),
                     ("Address", f"{p['addr']}, {p['town'][0]}"), ("CPR status", "Not for CPR"), ("Clinician", p["doc"]), ("Discussed with", f"{p['nok'][0]} ({p['nok'][1]})")]:
            c = t.add_row().cells; c[0].text = k; c[1].text = v
        b = io.BytesIO(); doc.save(b); put(f"Clinical/ReSPECT/ReSPECT_{p['sn']}_{p['dob'].year}_{p['i']}.docx", b.getvalue())

    # ---------- 6. Rotas ----------
    for wk in range(10):
        s = io.StringIO(); w = csv.writer(s)
        w.writerow(["Date", "Shift", "Carer", "Client", "Postcode", "Notes"])
        for _ in range(30):
            p = rng.choice([q for q in people if q["status"] != "moved"])
            w.writerow([(base + dt.timedelta(days=wk * 7 + rng.randint(0, 6))).strftime("%d/%m/%Y"), rng.choice(["Night 22-07", "AM", "Tea", "Bed"]),
                        rng.choice(carers), f"{p['known']} {p['sn']}", p["pc"], rng.choice(["", "", "2 carers", "family present", "SD check"])])
        put(f"Agency/Rotas/rota_wk{wk + 1}.csv", s.getvalue())

    # ---------- 7. MDT minutes ----------
    for m in range(10):
        grp = rng.sample(people, 8)
        L = [f"Palliative MDT - {(base + dt.timedelta(days=m * 14)).strftime('%d/%m/%Y')}",
             "Present: " + ", ".join(rng.sample(DOCS, 2) + rng.sample(nurses, 3) + [rng.choice(COORD)]),
             "Apologies: " + rng.choice(GPS), ""]
        for j, p in enumerate(grp):
            L.append(f"{j + 1}. {name_shape(p, j + m)} ({p['dob'].strftime('%d.%m.%Y')}) - {p['diag']}. " +
                     ("Died, for bereavement f/u." if p["status"] == "died" else "Discussed. " + nm(rng, p)))
        L.append("\nActions: key points circulated by coordinator.")
        put(f"PCCC/MDT/mdt_minutes_{m + 1:02d}.txt", "\n".join(L))

    # ---------- 8. E-mails with CSV attachments ----------
    for e in range(14):
        msg = EmailMessage()
        fr = rng.choice(COORD); to = rng.choice(nurses)
        msg["From"] = f"{fr} <{fr.lower().replace(' ', '.')}@calderhospice.example.org>"
        msg["To"] = f"{to} <{to.lower().replace(' ', '.')}@nhs.example.net>"
        grp = rng.sample(people, 5)
        msg["Subject"] = rng.choice(["Verification of death visits tonight", "Syringe driver list", "Equipment collections this wk", "access info for new referrals"])
        body = [f"Hi {to.split()[0]},", "", "Please see attached list. Access details below where we have them:", ""]
        for p in grp:
            ln = f"- {p['title']} {p['sn']} ({dob_forms(p['dob'])[0]}), {p['addr']}: "
            if p["kinds"] and p["status"] == "alive" and rng.random() < .7:
                ln += " ".join(emit_access(p, rng))
            elif p["kinds"] and p["home_empty"]:
                ln += "house empty since death - " + " ".join(access_line(p, k, rng) for k in p["kinds"])
                for k in p["kinds"]: stated_former[p["i"]].add(k)
            else:
                ln += "ring ahead" if rng.random() < .5 else "no access info on file"
            body.append(ln)
        body += ["", "Thanks", fr, "Palliative Care Coordination Centre", "Tel 0113 496 0" + f"{rng.randint(0, 999):03d}"]
        msg.set_content("\n".join(body))
        s = io.StringIO(); w = csv.writer(s); w.writerow(["Surname", "Forename", "DOB", "NHS", "Visit"])
        for p in grp: w.writerow([p["sn"], p["fn"], p["dob"].strftime("%d/%m/%Y"), p["nhs"], rng.choice(["VoD", "SD", "equip"])])
        msg.add_attachment(s.getvalue().encode(), maintype="text", subtype="csv", filename="list.csv")
        put(f"Mail/msg_{e + 1:03d}.eml", bytes(msg))

    # ---------- 9. Office noise ----------
    put("Admin/office_keys.txt", "Ackroyd House office key safe code 1957 (changed Sept). Server room keypad 4410#. Pool car keys in reception safe.\r\nDo NOT write client key safe codes in the diary.\r\n")
    put("Admin/staff_list.csv", "Name,Role\n" + "\n".join(f"{n},{'RN' if n in nurses else 'HCA'}" for n in staff_nurse) + "\n" + "\n".join(f"{n},Volunteer" for n in VOLS) + "\n")

    # A widow and her late husband, sharing an address: add a pair
    # (built from first two died/alive opposite-sex people with same surname not guaranteed; skip)

    # ---------- truth ----------
    out = []
    for p in people:
        out.append({"forename": p["fn"], "surname": p["sn"], "dob": p["dob"].strftime("%d/%m/%Y"), "nhs_number": p["nhs"],
                    "access_kind": sorted(stated[p["i"]]), "former_access_kind": sorted(stated_former[p["i"]] - stated[p["i"]] if False else stated_former[p["i"]])})
    for p in people:
        if p['kh'] and 'key_holder' in (stated[p['i']] | stated_former[p['i']]): related_all.add(p['kh'][0])
    related = sorted(related_all - staff_all)
    with open(truthp, "w") as f:
        json.dump({"people": out, "staff": sorted(staff_all), "related": related}, f, indent=1)
    print(f"{len(files)} files, {len(out)} people, {sum(1 for o in out if o['access_kind'])} with current access")

if __name__ == "__main__":
    main()
